/** What a person does on the Committee (the GraphQL enum is registered in modules/users/role.ts). */
export enum Role {
  CHAIR = 'CHAIR',
  COORDINATOR = 'COORDINATOR',
  DELEGATE = 'DELEGATE',
  EXPERT = 'EXPERT',
  SECRETARIAT = 'SECRETARIAT',
  OBSERVER = 'OBSERVER',
  /**
   * A Member State's representative invited to an open consultation (a later part builds it): for
   * now such a person signs in and reads their own account page, and nothing else.
   */
  MEMBER_STATE = 'MEMBER_STATE',
}
