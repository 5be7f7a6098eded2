// The commons API's shapes (docs/commons.md) and small helpers shared by the pages.
import { enumLabel, enumValues } from '../../app/enums';
import type { ViewContext } from '../../app/nav';
import type { EnumerationName, EnumValue } from '../../app/types';

export interface Lot { number: number; title: string; insertion_hours_required: number }

export interface Tender {
  id: number; buyer_actor_id: number | null; buyer_actor_name: string | null; buyer_name: string | null;
  title: string; reference: string | null; procedure: string | null; published_on: string | null;
  deadline_on: string | null; estimated_amount: number | null; status: string; awarded_on: string | null;
  contract_start: string | null; contract_end: string | null; note: string | null; lots: Lot[];
  members: number; hours_required: number; hours_committed: number; hours_realised: number;
}

export interface Member {
  id: number; tender_id: number; actor_id: number; actor_name: string; role: string; lots: number[];
  share_percent: number | null; insertion_hours_committed: number; hours_realised: number;
}

export interface RealisedHours { id: number; member_id: number; period: string; hours: number; note: string | null }

export interface TenderDetail extends Tender { consortium: Member[]; realised_hours: RealisedHours[] }

export type CommonsEnumeration = 'commons_tender_status' | 'commons_consortium_role' | 'commons_procedure';

export function base(ctx: ViewContext): string {
  return `/api/poles/${encodeURIComponent(ctx.pole.slug)}/commons`;
}

/** The module's own enumerations (statuses, roles, procedures), typed loosely. */
export function label(enumeration: CommonsEnumeration, code: string | null | undefined): string {
  return enumLabel(enumeration as EnumerationName, code);
}
export function values(enumeration: CommonsEnumeration): EnumValue[] {
  return enumValues(enumeration as EnumerationName);
}

export function buyerOf(t: Tender): string {
  return t.buyer_actor_name ?? t.buyer_name ?? '';
}
