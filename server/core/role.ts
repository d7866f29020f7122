/** What a person does on the Committee (the GraphQL enum is registered in modules/users/role.ts). */
export enum Role {
  CHAIR = 'CHAIR',
  COORDINATOR = 'COORDINATOR',
  DELEGATE = 'DELEGATE',
  EXPERT = 'EXPERT',
  SECRETARIAT = 'SECRETARIAT',
  OBSERVER = 'OBSERVER',
}
