import { expect, it } from 'vitest';
import { grantFor, parseRoleMap } from '../graph/access/role-map.js';

const MAP = parseRoleMap(
  'kinline-admins=admin, kinline-cleared=cleared:confidential,kinline-pseudo = cleared:pseudonymous,kinline-staff=researcher',
);

it('reads group=role[:clearance] entries, the clearance none unless given', () => {
  expect(Object.fromEntries(MAP)).toEqual({
    'kinline-admins': { role: 'admin', clearance: 'none' },
    'kinline-cleared': { role: 'cleared', clearance: 'confidential' },
    'kinline-pseudo': { role: 'cleared', clearance: 'pseudonymous' },
    'kinline-staff': { role: 'researcher', clearance: 'none' },
  });
});

it('takes a group name that holds an equals sign', () => {
  expect(parseRoleMap('cn=kinline-admins=admin').get('cn=kinline-admins')).toEqual({
    role: 'admin',
    clearance: 'none',
  });
});

it('names every mistake instead of leaving a group unmapped', () => {
  expect(() => parseRoleMap('staff=boss')).toThrow(/"staff=boss": the role must be one of viewer, researcher/);
  expect(() => parseRoleMap('staff=cleared:secret')).toThrow(/the clearance must be one of none/);
  expect(() => parseRoleMap('staff=viewer:confidential')).toThrow(/a viewer cannot hold clearance confidential/);
  expect(() => parseRoleMap('staff=viewer,staff=admin')).toThrow(/mapped twice/);
  expect(() => parseRoleMap('staff')).toThrow(/not group=role/);
  expect(() => parseRoleMap('=admin')).toThrow(/not group=role/);
  expect(() => parseRoleMap(' , ')).toThrow(/no group is mapped/);
});

it('grants the highest role and clearance among the mapped groups, and nothing for none', () => {
  expect(grantFor(['kinline-staff', 'kinline-pseudo'], MAP)).toEqual({ role: 'cleared', clearance: 'pseudonymous' });
  expect(grantFor(['kinline-admins', 'kinline-cleared', 'other'], MAP)).toEqual({
    role: 'admin',
    clearance: 'confidential',
  });
  expect(grantFor(['kinline-staff'], MAP)).toEqual({ role: 'researcher', clearance: 'none' });
  expect(grantFor(['staff', 'Kinline-Admins'], MAP)).toBeNull();
  expect(grantFor([], MAP)).toBeNull();
});
