/**
 * The FollowTheMoney schemata Kinline reads and writes (followthemoney.tech, the model of
 * OpenAleph and OpenSanctions): FtM's own names, which happen to share some of Kinline's type names.
 */
export const FTM = {
  Person: 'Person',
  Organization: 'Organization',
  Company: 'Company',
  LegalEntity: 'LegalEntity',
  PublicBody: 'PublicBody',
  RealEstate: 'RealEstate',
  Address: 'Address',
  Event: 'Event',
  Document: 'Document',
  Article: 'Article',
  Pages: 'Pages',
  Family: 'Family',
  Membership: 'Membership',
  Employment: 'Employment',
  Directorship: 'Directorship',
  Occupancy: 'Occupancy',
  UnknownLink: 'UnknownLink',
  Passport: 'Passport',
  Identification: 'Identification',
} as const;
export type FtmSchema = (typeof FTM)[keyof typeof FTM];

/** FtM schemata that link two entities over an interval (read after every node schema). */
export const FTM_LINK_SCHEMATA: readonly FtmSchema[] = [
  FTM.Family,
  FTM.Membership,
  FTM.Employment,
  FTM.Directorship,
  FTM.Occupancy,
  FTM.UnknownLink,
];
