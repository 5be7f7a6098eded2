// Shapes of the API's objects (docs/api.md).
import type { Locale } from './i18n';

export type Role = 'admin' | 'coordinator' | 'counsellor' | 'member' | 'observer';

export interface UserPole {
  id: number;
  slug: string;
  name: string;
  kind: string;
  role: Role | null;
  /** Not in the contract (yet): when the server sends it, it wins over data/roles.json. */
  permissions?: string[];
}

export interface User {
  id: number;
  email: string;
  name: string;
  locale?: string;
  platform_admin: boolean;
  poles: UserPole[];
}

export interface LoginResponse {
  token: string;
  expires_at: string;
  user: User;
}

export interface Pole {
  id: number;
  slug: string;
  name: string;
  kind: string;
}

export interface Activity {
  at: string;
  user: string;
  action: string;
  entity: string;
  entity_id: number | string | null;
  summary: string;
}

export interface PoleDetail extends Pole {
  counts: { actors: number; users: number; contacts: number };
  recent: Activity[];
}

export interface PoleUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}

export interface Commune {
  code: string;
  name: string;
  country: 'FR' | 'IT';
  postal_codes: string[];
  department: string | Named | null;
  region: string | Named | null;
  epci: string | Named | null;
  population: number | null;
  lat: number | null;
  lon: number | null;
  approximate?: boolean;
}

export interface Named {
  code: string;
  name: string;
  population?: number | null;
}

export interface Epci {
  code: string;
  name: string;
  population: number | null;
  members: Commune[];
}

export interface NafCode {
  code: string;
  label: string;
  level: string | number;
}

export interface EnumValue {
  code: string;
  parent: string | null;
  label: Partial<Record<Locale, string>>;
}

export type EnumerationName = 'actor_kind' | 'legal_form' | 'level' | 'nature' | 'sector' | 'pole_kind' | 'role';
export type Enumerations = Partial<Record<EnumerationName, EnumValue[]>>;

export interface ActorInput {
  name: string;
  kind: string;
  legal_form?: string | null;
  public?: boolean | null;
  siren?: string | null;
  siret?: string | null;
  rna?: string | null;
  it_tax_code?: string | null;
  level?: string | null;
  nature?: string | null;
  naf?: string | null;
  commune?: string | null;
  address?: string | null;
  headcount?: number | null;
  fte?: number | null;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
  description?: string | null;
}

export const ACTOR_INPUT_FIELDS = [
  'name', 'kind', 'legal_form', 'public', 'siren', 'siret', 'rna', 'it_tax_code', 'level', 'nature',
  'naf', 'commune', 'address', 'headcount', 'fte', 'website', 'email', 'phone', 'description',
] as const satisfies ReadonlyArray<keyof ActorInput>;

export interface Actor extends ActorInput {
  id: number;
  family: string | null;
  commune_name: string | null;
  lat: number | null;
  lon: number | null;
  poles: Array<{ id: number; slug: string; name: string }>;
  created_at: string;
  updated_at: string;
  distance_km?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  per_page: number;
}

export interface Contact {
  id: number;
  actor_id: number;
  name: string;
  function: string | null;
  email: string | null;
  phone: string | null;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface Job {
  id: number | string;
  kind: string;
  status: JobStatus;
  progress: { stage: string; done: number; total: number } | null;
  result: unknown;
  error: unknown;
}
