// Word lists for the synthetic tenant. All names are invented combinations; ASCII only so that
// user principal names can be built from them directly.

/** Given names. */
export const GIVEN_NAMES: readonly string[] = [
  ...'Ada Ahmed Aiko Alex Amara Ana Anders Andre Anika Arjun Ava Ben Bianca Bo Carla Chen Chloe'.split(' '),
  ...'Dana Daniel Deepa Diego Elena Eli Emeka Emma Erik Farah Felix Fatima Gabriel Grace Hana'.split(' '),
  ...'Hugo Ines Isaac Ivy Jamal Jana Jonas Julia Kai Kemal Kenji Lara Leo Lina Luca Maya Marco'.split(' '),
  ...'Mei Mila Nadia Nathan Nia Noah Olga Omar Paula Priya Rafael Rosa Sam Sara Sofia Tariq Tess'.split(' '),
  ...'Tomas Uma Victor Wen Yara Zoe'.split(' '),
];

/** Family names. */
export const SURNAMES: readonly string[] = [
  ...'Abbott Adeyemi Alvarez Andersen Bauer Becker Bianchi Brooks Campbell Castro Chen Costa'.split(' '),
  ...'Dahl Das Dubois Eriksen Evans Fischer Fontaine Garcia Greene Gupta Hansen Hayes Hoffmann'.split(' '),
  ...'Ibrahim Ito Jensen Kane Kim Kowalski Kumar Larsen Laurent Lee Lindqvist Lopez Mahler'.split(' '),
  ...'Martins Meyer Morales Murphy Nakamura Novak Nyberg Okafor Olsen Ortiz Park Patel Pereira'.split(' '),
  ...'Quinn Rao Reyes Rossi Sato Schmidt Silva Singh Sorensen Tanaka Torres Varga Vogel Walsh'.split(' '),
  ...'Weber Wong Yilmaz Young Zhang Ziegler'.split(' '),
];

/** Office locations, each with a weight (the share of new hires placed there). */
export const LOCATIONS: readonly (readonly [string, number])[] = [
  ['Seattle', 5],
  ['London', 4],
  ['Munich', 3],
  ['Toronto', 2],
  ['Singapore', 2],
  ['Bangalore', 2],
  ['Sydney', 1],
  ['Remote', 2],
];

/** Where each office location is: its IANA time zone and ISO country (holidays, usageLocation). */
export const LOCATION_INFO: Readonly<Record<string, { timeZone: string; country: CountryCode }>> = {
  Seattle: { timeZone: 'America/Los_Angeles', country: 'US' },
  London: { timeZone: 'Europe/London', country: 'GB' },
  Munich: { timeZone: 'Europe/Berlin', country: 'DE' },
  Toronto: { timeZone: 'America/Toronto', country: 'CA' },
  Singapore: { timeZone: 'Asia/Singapore', country: 'SG' },
  Bangalore: { timeZone: 'Asia/Kolkata', country: 'IN' },
  Sydney: { timeZone: 'Australia/Sydney', country: 'AU' },
  Remote: { timeZone: 'America/New_York', country: 'US' },
};

/** Countries whose public holidays the calendar knows. */
export type CountryCode = 'US' | 'GB' | 'DE' | 'CA' | 'SG' | 'IN' | 'AU';

/** A department: its share of the workforce, head title, manager title and individual-contributor titles. */
export interface DepartmentSpec {
  name: string;
  share: number;
  head: string;
  manager: string;
  titles: readonly string[];
}

/** The departments under the CEO (the CEO sits in "Executive"). */
export const DEPARTMENTS: readonly DepartmentSpec[] = [
  {
    name: 'Engineering',
    share: 0.25,
    head: 'VP Engineering',
    manager: 'Engineering Manager',
    titles: [
      'Software Engineer',
      'Senior Software Engineer',
      'QA Engineer',
      'Site Reliability Engineer',
      'Product Designer',
    ],
  },
  {
    name: 'Sales',
    share: 0.15,
    head: 'VP Sales',
    manager: 'Sales Manager',
    titles: [
      'Account Executive',
      'Sales Development Representative',
      'Solutions Consultant',
      'Key Account Manager',
    ],
  },
  {
    name: 'Customer Success',
    share: 0.12,
    head: 'VP Customer Success',
    manager: 'Customer Success Lead',
    titles: ['Customer Success Manager', 'Support Engineer', 'Onboarding Specialist', 'Renewals Specialist'],
  },
  {
    name: 'Marketing',
    share: 0.09,
    head: 'Chief Marketing Officer',
    manager: 'Marketing Manager',
    titles: ['Content Marketer', 'Product Marketing Manager', 'Campaign Specialist', 'Brand Designer'],
  },
  {
    name: 'Operations',
    share: 0.1,
    head: 'Chief Operating Officer',
    manager: 'Operations Manager',
    titles: ['Operations Analyst', 'Project Coordinator', 'Procurement Specialist', 'Facilities Coordinator'],
  },
  {
    name: 'Finance',
    share: 0.07,
    head: 'Chief Financial Officer',
    manager: 'Finance Manager',
    titles: ['Financial Analyst', 'Accountant', 'Payroll Specialist', 'Controller'],
  },
  {
    name: 'People',
    share: 0.06,
    head: 'Chief People Officer',
    manager: 'HR Business Partner Lead',
    titles: ['HR Business Partner', 'Recruiter', 'People Operations Specialist'],
  },
  {
    name: 'IT',
    share: 0.07,
    head: 'Chief Information Officer',
    manager: 'IT Manager',
    titles: ['Microsoft 365 Administrator', 'Service Desk Analyst', 'Security Engineer', 'Systems Engineer'],
  },
  {
    name: 'Learning & Development',
    share: 0.09,
    head: 'Head of Learning & Development',
    manager: 'Learning Programs Lead',
    titles: [
      'Learning Experience Designer',
      'Instructional Designer',
      'Learning Technologist',
      'Facilitator',
    ],
  },
];

/** The six teams: display name, description, and the departments whose people are members. */
export const TEAM_SPECS: readonly { name: string; description: string; departments: readonly string[] }[] = [
  {
    name: 'Engineering Guild',
    description: 'How we build, review and run our products.',
    departments: ['Engineering'],
  },
  {
    name: 'Sales & Customer Success',
    description: 'Deals, renewals and customer stories.',
    departments: ['Sales', 'Customer Success'],
  },
  { name: 'Marketing Studio', description: 'Campaigns, content and launches.', departments: ['Marketing'] },
  {
    name: 'Operations, Finance & IT',
    description: 'Keeping the company running.',
    departments: ['Operations', 'Finance', 'IT'],
  },
  {
    name: 'People & Learning',
    description: 'Hiring, growth and learning programs.',
    departments: ['People', 'Learning & Development'],
  },
  { name: 'Leadership Forum', description: 'Everyone who leads a team.', departments: [] },
];

/** Extra channel names per team (General always exists); the flag marks a private channel. */
export const CHANNEL_NAMES: readonly (readonly (readonly [string, boolean])[])[] = [
  [
    ['Code Review', false],
    ['Incidents', false],
    ['Tech Leads', true],
  ],
  [
    ['Deal Desk', false],
    ['Customer Wins', false],
    ['Sales Leads', true],
  ],
  [['Campaigns', false]],
  [
    ['Announcements', false],
    ['Service Desk', false],
  ],
  [
    ['Learning Lab', false],
    ['Recruiting', true],
  ],
  [['Strategy', true]],
];

/** Words for synthetic message text: openers, topics and closers. */
export const MESSAGE_WORDS = {
  openers: [
    'Quick question about',
    'Sharing a note on',
    'Thoughts on',
    'Update on',
    'Has anyone tried',
    'Notes from',
  ],
  topics: [
    'the onboarding checklist',
    'our quarterly plan',
    'the customer workshop',
    'the new dashboard',
    "last week's retro",
    'the pricing change',
    'the release train',
    'the training pilot',
    'our playbook',
    'the support backlog',
    'the hiring loop',
    'the team offsite',
  ],
  closers: [
    'Feedback welcome.',
    'Links in the thread.',
    'What do you think?',
    'Happy to walk through it.',
    'More soon.',
    'Thanks all!',
  ],
  replies: [
    'Agreed, let us try it.',
    'Good point, thanks.',
    'I can take a look today.',
    'We did this last quarter.',
    'Adding my notes below.',
    'Nice work!',
    'Can we pair on this?',
    'I have a template for that.',
  ],
} as const;
