import { DomainError } from '../common/errors/domain-error';
import { Event } from './event.entity';
import { Program } from './event-status';

/** Stands exist only at a Handwerkertag, periods only on a Schule-trifft-Wirtschaft day … */
export function requireProgram(event: Pick<Event, 'program'>, program: Program) {
  if (event.program !== program) throw new DomainError('wrong_program', { program });
}
