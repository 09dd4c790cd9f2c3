import type { Profile } from '../types.ts';

/** The nexo profile is not built yet: the registry reports that instead of falling back. */
export const profile: Profile | undefined = undefined;
