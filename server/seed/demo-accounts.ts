import { Role } from '../modules/users/role';

/** One demo account per role; the README lists them. All get SEED_PASSWORD. */
export interface DemoAccount {
  key: string;
  email: string;
  name: string;
  roles: Role[];
  delegation: string | null;
  workingGroups: number[];
  /** The working group this account is named coordinator of (one of its `workingGroups`). */
  coordinates: number | null;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    key: 'chair',
    email: 'chair@committee.test',
    name: 'Chair (demo, Indonesia)',
    roles: [Role.CHAIR],
    delegation: 'IDN',
    workingGroups: [],
    coordinates: null,
  },
  {
    key: 'coordinator',
    email: 'coordinator@committee.test',
    name: 'Working group 1 coordinator (demo, Estonia)',
    roles: [Role.COORDINATOR, Role.DELEGATE],
    delegation: 'EST',
    workingGroups: [1],
    coordinates: 1,
  },
  {
    key: 'delegate',
    email: 'delegate@committee.test',
    name: 'Delegate (demo, France)',
    roles: [Role.DELEGATE],
    delegation: 'FRA',
    workingGroups: [1, 2],
    coordinates: null,
  },
  // Working groups 3 and 4 had no member: their drafts could not be edited in the demo.
  {
    key: 'coordinator3',
    email: 'coordinator3@committee.test',
    name: 'Working group 3 coordinator (demo, Germany)',
    roles: [Role.COORDINATOR, Role.DELEGATE],
    delegation: 'DEU',
    workingGroups: [3],
    coordinates: 3,
  },
  {
    key: 'coordinator4',
    email: 'coordinator4@committee.test',
    name: 'Working group 4 coordinator (demo, South Africa)',
    roles: [Role.COORDINATOR, Role.DELEGATE],
    delegation: 'ZAF',
    workingGroups: [4],
    coordinates: 4,
  },
  {
    key: 'expert',
    email: 'expert@committee.test',
    name: 'Group of Experts member (demo)',
    roles: [Role.EXPERT],
    delegation: null,
    workingGroups: [],
    coordinates: null,
  },
  {
    key: 'secretariat',
    email: 'secretariat@committee.test',
    name: 'Secretariat officer (demo, Office for Disarmament Affairs)',
    roles: [Role.SECRETARIAT],
    delegation: null,
    workingGroups: [],
    coordinates: null,
  },
  {
    key: 'observer',
    email: 'observer@committee.test',
    name: 'Observer (demo, Kenya)',
    roles: [Role.OBSERVER],
    delegation: 'KEN',
    workingGroups: [],
    coordinates: null,
  },
  // A Member State's guest, as the Secretariat invites them to open consultations: reads the
  // consulted versions and comments on them, nothing else.
  {
    key: 'guest',
    email: 'guest@committee.test',
    name: 'Member State guest (demo, Mexico)',
    roles: [Role.MEMBER_STATE],
    delegation: 'MEX',
    workingGroups: [],
    coordinates: null,
  },
];
