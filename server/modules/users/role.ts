// The roles live in core (policies need them without GraphQL); users/user.enums.ts registers
// them as the GraphQL enum.
export { Role } from '../../core/role';
