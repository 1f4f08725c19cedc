// The wire form of a DemoUser: Graph's property names and value shapes.
import type { User } from '@microsoft/microsoft-graph-types';
import { LOCATION_INFO } from '../tenant/names';
import { hashString } from '../tenant/random';
import type { DemoTenant, DemoUser } from '../tenant/model';

/** Properties returned when a request has no $select (Graph's default set for users). */
export const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'id',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
] as const;

/** Every user property the simulator can $select (others answer 400, as unknown names do in Graph). */
export const KNOWN_USER_PROPERTIES: readonly string[] = [
  ...DEFAULT_USER_PROPERTIES,
  'accountEnabled',
  'department',
  'userType',
  'companyName',
  'usageLocation',
  'city',
  'country',
  'employeeId',
  'mailNickname',
  'createdDateTime',
  'otherMails',
  'proxyAddresses',
  'showInAddressList',
];

/** All known properties of a user, as Graph would return them (empty strings become null). */
export function userProperties(tenant: DemoTenant, u: DemoUser): Record<string, unknown> {
  const h = hashString(u.id);
  const member = u.userType === 'Member';
  const country = LOCATION_INFO[u.officeLocation]?.country ?? null;
  const created = Date.parse(tenant.windowStart) - (200 + (h % 1500)) * 86_400_000;
  const wire: User = {
    businessPhones: member ? [`+1 425 555 ${String(h % 10_000).padStart(4, '0')}`] : [],
    displayName: u.displayName,
    givenName: u.givenName,
    id: u.id,
    jobTitle: u.jobTitle || null,
    mail: u.mail,
    mobilePhone: null,
    officeLocation: u.officeLocation || null,
    preferredLanguage: member ? 'en-US' : null,
    surname: u.surname,
    userPrincipalName: u.userPrincipalName,
    accountEnabled: u.accountEnabled,
    department: u.department || null,
    userType: u.userType,
    companyName: member ? tenant.displayName : null,
    usageLocation: country,
    city: u.officeLocation && u.officeLocation !== 'Remote' ? u.officeLocation : null,
    country,
    employeeId: member ? String(100_000 + (h % 900_000)) : null,
    mailNickname: u.userPrincipalName.split('@')[0] ?? null,
    createdDateTime: new Date(created).toISOString().replace('.000Z', 'Z'),
    otherMails: [],
    proxyAddresses: member ? [`SMTP:${u.mail}`] : [],
    showInAddressList: null,
  };
  return wire as Record<string, unknown>;
}
