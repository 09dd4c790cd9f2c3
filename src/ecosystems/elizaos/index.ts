import type { Profile } from '../types.ts';

/** The elizaos profile is not built yet: the registry reports that instead of falling back. */
export const profile: Profile | undefined = undefined;
