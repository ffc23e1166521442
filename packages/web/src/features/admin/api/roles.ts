import type { Role } from '../../../lib/api/types.ts'

/** The roles in the server's order, most powerful first (labels: common `roles.<role>`). */
export const ROLES: readonly Role[] = ['owner', 'admin', 'marketer', 'analyst', 'agent', 'viewer']
