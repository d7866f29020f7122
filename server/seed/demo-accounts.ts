import { Role } from '../modules/users/role';

/** One demo account per role; the README lists them. All get SEED_PASSWORD. */
export interface DemoAccount {
  key: string;
  email: string;
  name: string;
  roles: Role[];
  delegation: string | null;
  workingGroups: number[];
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    key: 'chair',
    email: 'chair@committee.test',
    name: 'Chair (demo, Indonesia)',
    roles: [Role.CHAIR],
    delegation: 'IDN',
    workingGroups: [],
  },
  {
    key: 'coordinator',
    email: 'coordinator@committee.test',
    name: 'Working group 1 coordinator (demo, Estonia)',
    roles: [Role.COORDINATOR, Role.DELEGATE],
    delegation: 'EST',
    workingGroups: [1],
  },
  {
    key: 'delegate',
    email: 'delegate@committee.test',
    name: 'Delegate (demo, France)',
    roles: [Role.DELEGATE],
    delegation: 'FRA',
    workingGroups: [1, 2],
  },
  {
    key: 'expert',
    email: 'expert@committee.test',
    name: 'Group of Experts member (demo)',
    roles: [Role.EXPERT],
    delegation: null,
    workingGroups: [],
  },
  {
    key: 'secretariat',
    email: 'secretariat@committee.test',
    name: 'Secretariat officer (demo, Office for Disarmament Affairs)',
    roles: [Role.SECRETARIAT],
    delegation: null,
    workingGroups: [],
  },
  {
    key: 'observer',
    email: 'observer@committee.test',
    name: 'Observer (demo, Kenya)',
    roles: [Role.OBSERVER],
    delegation: 'KEN',
    workingGroups: [],
  },
];
