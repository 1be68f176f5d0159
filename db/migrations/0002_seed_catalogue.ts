/**
 * A new database starts with the unit's catalogue (the nine publications of the
 * catalogue page, no prices yet) and the issuer details printed on the order form.
 */
const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

interface SeedPublication {
  title: string;
  subtitle?: string;
  year: number;
  pages: number;
  isbn?: string;
  eisbn?: string;
  languages: string[];
}

export const SEED_PUBLICATIONS: SeedPublication[] = [
  {
    title: 'Community Engagement in Preventing and Responding to Gender-based Violence and Trafficking in Persons',
    subtitle: 'Training Guide',
    year: 2020,
    pages: 60,
    languages: ['en'],
  },
  {
    title: 'Ending child labour, forced labour and human trafficking in global supply chains',
    year: 2019,
    pages: 114,
    isbn: '9789290688051',
    eisbn: '9789290688068',
    languages: ['en', 'fr', 'es'],
  },
  {
    title: 'Strengthening Law Enforcement Response to Gender-Based Violence and Trafficking in Persons in Borno and Adamawa (Nigeria)',
    year: 2019,
    pages: 98,
    languages: ['en'],
  },
  {
    title:
      'Assessment of Borno and Adamawa States for the Project on Strengthening Response Mechanisms and Accountability to Gender-Based Violence and Trafficking in Persons in North-East Nigeria',
    year: 2019,
    pages: 54,
    languages: ['en'],
  },
  {
    title: 'Migrants and their Vulnerability to Human Trafficking, Modern Slavery and Forced Labour',
    year: 2019,
    pages: 112,
    languages: ['en'],
  },
  {
    title: 'Strengthening responses to child trafficking and modern slavery',
    subtitle: 'A Pilot Project to support foster carers looking after Albanian and Vietnamese unaccompanied children',
    year: 2019,
    pages: 40,
    languages: ['en'],
  },
  {
    title: 'Investigating Human Trafficking Cases Using a Victim-centred Approach',
    subtitle:
      "A Trainer's Manual on Combating Trafficking in Persons for Capacity-building of Law Enforcement Officers in Antigua and Barbuda, Belize, Jamaica, and Trinidad and Tobago",
    year: 2018,
    pages: 114,
    languages: ['en'],
  },
  {
    title: 'Trafficking in Human Beings and Smuggling of Migrants in ACP Countries',
    subtitle: 'Key Challenges and Ways Forward',
    year: 2018,
    pages: 119,
    languages: ['en'],
  },
  {
    title: 'Remediation Guidelines for Victims of Exploitation in Extended Mineral Supply Chains',
    year: 2018,
    pages: 32,
    languages: ['en', 'es', 'zh'],
  },
];

export const DEFAULT_SETTINGS = {
  issuer: {
    name: 'Publications Unit, International Organization for Migration',
    address: '17 route des Morillons, P.O. Box 17, 1211 Geneva 19, Switzerland',
    phone: '+41 22 717 9111',
    fax: '+41 22 798 6150',
    email: 'publications@iom.int',
  },
  locale: 'en-CH',
  defaultCurrency: 'CHF',
  backup: { keep: 14, folder: '' },
};

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

const publicationRows = SEED_PUBLICATIONS.map(
  (p) =>
    `(${quote(p.title)}, ${quote(p.subtitle ?? '')}, ${p.year}, ${p.pages}, ${quote(p.isbn ?? '')}, ${quote(p.eisbn ?? '')}, ${quote(
      JSON.stringify(p.languages),
    )}, '["print","pdf"]', 1, ${NOW}, ${NOW})`,
).join(',\n  ');

const settingRows = Object.entries(DEFAULT_SETTINGS)
  .map(([key, value]) => `(${quote(key)}, ${quote(JSON.stringify(value))})`)
  .join(',\n  ');

export const sql = `
INSERT INTO publications (title, subtitle, year, pages, isbn, eisbn, languages, formats, active, created_at, updated_at) VALUES
  ${publicationRows};
INSERT INTO settings (key, value) VALUES
  ${settingRows};
`;
