import { Repository } from 'typeorm';
import { Actor } from '../common/identity/actor';
import { Role } from '../common/identity/role';
import { TenantScoped, tenantIdFor } from './tenant-scope';

const actor = (role: Role, companyId: string | null = null, schoolId: string | null = null): Actor => ({
  userId: 'u', role, companyId, schoolId, locale: 'de', credential: { kind: 'cookie', id: 's' },
});
const NOTHING = '00000000-0000-0000-0000-000000000000';

describe('tenant scope', () => {
  it('gives staff every row and members only their own organisation', () => {
    expect(tenantIdFor(actor(Role.Organiser), 'company')).toBeNull();
    expect(tenantIdFor(actor(Role.Partner), 'school')).toBeNull();
    expect(tenantIdFor(actor(Role.CompanyMember, 'c1'), 'company')).toBe('c1');
    expect(tenantIdFor(actor(Role.CompanyMember, 'c1'), 'school')).toBe(NOTHING);
    expect(tenantIdFor(actor(Role.SchoolMember, null, 's1'), 'school')).toBe('s1');
  });

  it('never lets a requested id of another organisation fall back to the member’s own', () => {
    const scoped = new TenantScoped({} as Repository<{ id: string }>, { company: 'id' }, 'company');
    expect(scoped.where(actor(Role.CompanyMember, 'c1'), { id: 'c2' })).toEqual({ id: NOTHING });
    expect(scoped.where(actor(Role.CompanyMember, 'c1'), { id: 'c1' })).toEqual({ id: 'c1' });
    expect(scoped.where(actor(Role.CompanyMember, 'c1'))).toEqual({ id: 'c1' });
    expect(scoped.where(actor(Role.Organiser), { id: 'c2' })).toEqual({ id: 'c2' });
  });
});
