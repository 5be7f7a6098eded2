// The signed-in user, the poles they can switch between, and the chosen language.
import { api, ApiError } from './api';
import { DEFAULT_LOCALE, isLocale, type Locale } from './i18n';
import type { LoginResponse, Pole, User, UserPole } from './types';

const LOCALE_KEY = 'maillage.locale';

let user: User | null = null;
let loaded = false;
let allPoles: UserPole[] | null = null;

export function currentUser(): User | null {
  return user;
}

export function isLoaded(): boolean {
  return loaded;
}

/** Asks the server who is signed in (null when nobody is). */
export async function loadUser(): Promise<User | null> {
  try {
    user = await api.get<User>('/api/auth/me');
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 'unauthorized') throw e;
    user = null;
  }
  loaded = true;
  allPoles = null;
  return user;
}

export async function login(email: string, password: string): Promise<User> {
  const res = await api.post<LoginResponse>('/api/auth/login', { email, password });
  user = res.user;
  loaded = true;
  allPoles = null;
  return user;
}

export async function logout(): Promise<void> {
  try {
    await api.post('/api/auth/logout');
  } finally {
    forget();
  }
}

/** Forgets the user locally (after a 401). */
export function forget(): void {
  user = null;
  allPoles = null;
}

/**
 * The poles the user can switch to: their own, and for a platform admin every pole
 * (GET /api/poles), with no role of their own.
 */
export async function switchablePoles(): Promise<UserPole[]> {
  if (!user) return [];
  if (!user.platform_admin) return user.poles;
  if (!allPoles) {
    try {
      const poles = await api.get<Pole[]>('/api/poles');
      const mine = new Map(user.poles.map((p) => [p.slug, p]));
      allPoles = poles.map((p) => mine.get(p.slug) ?? { ...p, role: null });
    } catch {
      allPoles = user.poles;
    }
  }
  return allPoles;
}

/** Finds a pole by slug or numeric id among the switchable poles. */
export async function findPole(ref: string): Promise<UserPole | undefined> {
  const poles = await switchablePoles();
  return poles.find((p) => p.slug === ref || String(p.id) === ref);
}

/** The language: the one chosen in this browser, else the user's, else French. */
export function preferredLocale(): Locale {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(LOCALE_KEY);
  } catch {
    /* storage may be disabled */
  }
  if (isLocale(stored)) return stored;
  const fromUser = user?.locale?.slice(0, 2);
  return isLocale(fromUser) ? fromUser : DEFAULT_LOCALE;
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    /* ignore */
  }
}
