import { Foundation1763712000000 } from './1763712000000-Foundation';
import { BookingEngine1763798400000 } from './1763798400000-BookingEngine';
import { Notifications1763884800000 } from './1763884800000-Notifications';
import { OrganiserTools1763971200000 } from './1763971200000-OrganiserTools';
import { MailsAfterCommit1764057600000 } from './1764057600000-MailsAfterCommit';
import { UnloggedRateLimits1764144000000 } from './1764144000000-UnloggedRateLimits';
import { EventCapacityIndex1764230400000 } from './1764230400000-EventCapacityIndex';
import { MailCompositionErrors1764316800000 } from './1764316800000-MailCompositionErrors';
import { PraxistageYear1764403200000 } from './1764403200000-PraxistageYear';
import { EventMessages1764489600000 } from './1764489600000-EventMessages';
import { MemberDeactivation1764496800000 } from './1764496800000-MemberDeactivation';
import { AllocationRuns1764583200000 } from './1764583200000-AllocationRuns';
import { SchoolDayPlan1764590400000 } from './1764590400000-SchoolDayPlan';
import { MailAttachments1764597600000 } from './1764597600000-MailAttachments';
import { CheckIn1764676800000 } from './1764676800000-CheckIn';
import { DeskIndexes1764763200000 } from './1764763200000-DeskIndexes';
import { SteckbriefMarks1764849600000 } from './1764849600000-SteckbriefMarks';
import { CheckInCodeNonce1764856800000 } from './1764856800000-CheckInCodeNonce';
import { CheckInCorrections1764864000000 } from './1764864000000-CheckInCorrections';

/**
 * Every migration, oldest first. The schema's only source: a new migration file is
 * added here too (a test checks that none is missing).
 */
export const migrations = [
  Foundation1763712000000,
  BookingEngine1763798400000,
  Notifications1763884800000,
  OrganiserTools1763971200000,
  MailsAfterCommit1764057600000,
  UnloggedRateLimits1764144000000,
  EventCapacityIndex1764230400000,
  MailCompositionErrors1764316800000,
  PraxistageYear1764403200000,
  EventMessages1764489600000,
  MemberDeactivation1764496800000,
  AllocationRuns1764583200000,
  SchoolDayPlan1764590400000,
  MailAttachments1764597600000,
  CheckIn1764676800000,
  DeskIndexes1764763200000,
  SteckbriefMarks1764849600000,
  CheckInCodeNonce1764856800000,
  CheckInCorrections1764864000000,
];
