/** Small built-in lists for REPLACE surrogates: enough variety to read naturally, no lexicons. */

export const FIRST_NAMES = [
  'Alex', 'Amara', 'Ben', 'Carla', 'Daniel', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kavya',
  'Liam', 'Maya', 'Noah', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Samir', 'Tara', 'Uma', 'Victor', 'Wen',
] as const;

export const LAST_NAMES = [
  'Abbott', 'Baker', 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ivanova', 'Jensen',
  'Kowalski', 'Lindqvist', 'Moreau', 'Novak', 'Okafor', 'Patel', 'Quint', 'Rossi', 'Sato', 'Tanaka',
  'Underwood', 'Varga', 'Walsh', 'Young',
] as const;

export const HONORIFICS = /^(mr|mrs|ms|mx|miss|dr|prof|sir|dame|rev)\.?$/i;

export const CITIES = [
  'Springfield', 'Riverton', 'Lakeside', 'Fairview', 'Oakridge', 'Millbrook', 'Greenville', 'Harborview',
  'Brookfield', 'Westfield', 'Kingsport', 'Ashford',
] as const;

export const STREETS = ['Maple', 'Oak', 'Cedar', 'Elm', 'Willow', 'Birch', 'Chestnut', 'Juniper', 'Linden', 'Hawthorn'] as const;
export const STREET_SUFFIXES = ['Street', 'Avenue', 'Road', 'Lane', 'Drive', 'Court'] as const;

export const ORGANIZATIONS = [
  'Northwind Traders', 'Contoso Ltd', 'Fabrikam Inc', 'Globex Corporation', 'Initech', 'Umbrella Health',
  'Acme Logistics', 'Blue Harbor Clinic', 'Summit Analytics', 'Evergreen Partners', 'Riverside Bank', 'Lumen Labs',
] as const;

export const NATIONALITIES = ['Canadian', 'Brazilian', 'Norwegian', 'Kenyan', 'Portuguese', 'Vietnamese', 'Chilean', 'Irish'] as const;

export const TITLES = ['Analyst', 'Engineer', 'Nurse', 'Teacher', 'Consultant', 'Accountant', 'Designer', 'Technician'] as const;

export const URL_WORDS = ['profile', 'account', 'home', 'docs', 'page', 'view', 'item', 'about'] as const;

/** Domains reserved for examples (RFC 2606): a surrogate address can never reach anyone. */
export const EXAMPLE_DOMAINS = ['example.com', 'example.org', 'example.net'] as const;

/** Documentation ranges (RFC 5737) for IPv4 surrogates. */
export const IPV4_DOC_PREFIXES = ['192.0.2', '198.51.100', '203.0.113'] as const;

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
