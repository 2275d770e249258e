/**
 * Injection attempts, gathered from the classic SQL-injection cheat sheets and rewritten for the two
 * query languages Kizuna composes: SOQL (Salesforce) and COQL (Zoho CRM). Each is placed in every
 * user-controlled value that reaches a query (filters, ids, search text, mapping names); none may
 * change the query's meaning.
 */

/** Attempts that work against any SQL-like language. */
const common = [
  "'",
  "''",
  "\\'",
  '\\',
  '\\\\',
  "' OR '1'='1",
  "' OR 1=1 --",
  "' OR ''='",
  "x' OR Name != 'x",
  "x' OR Id != null OR Name = 'x",
  "') OR ('a'='a",
  "')) OR (('a'='a",
  "x'; DELETE FROM Account; --",
  "x' UNION SELECT Id FROM User --",
  "%' OR Name LIKE '%",
  '%',
  '_',
  "x' AND Name = 'y",
  "x\\' OR Name != \\'x",
  "x\\\\' OR Name != 'x",
  '"',
  "x\" OR Name != \"x",
  "x'\n OR Name != 'x",
  "x'\r\nOR Name != 'x",
  "x'\tOR Name != 'x",
  "x' /* comment */ OR Name != 'x",
  "x' -- ",
  "x' # ",
  "\u0000' OR Name != '",
  "x\u2019 OR Name != \u2019x",
  "x\uff07 OR Name != \uff07x",
  "x%27 OR Name != %27x",
  "x&#39; OR Name != &#39;x",
  "${'x'} OR 1=1",
  "x' ORDER BY Name --",
  "x' LIMIT 1 --",
  "x' OFFSET 1 --",
  "'||'",
  "x' IN ('a','b') OR Name IN ('",
  "x' NOT IN ('a') OR Name NOT IN ('",
  "x' AND (Name = 'a' OR Name != 'a') AND Name = 'x",
  '<script>alert(1)</script>',
  "x' OR CreatedDate = TODAY OR Name = 'x",
  "x' OR Amount > 0 OR Name = 'x",
  "x' GROUP BY Name HAVING COUNT(Id) > 0 --",
  "\u202e' OR Name != '",
  "x'\u2028OR Name != 'x",
  'a'.repeat(300) + "' OR Name != '",
  "'; --",
  "x' OR Id LIKE '%",
] as const;

/** Attempts aimed at SOQL's own syntax: relationship paths, semi-joins, date literals, FOR clauses. */
const soqlOnly = [
  "x' OR Id IN (SELECT AccountId FROM Contact) OR Name = 'x",
  "x' OR Owner.Name != null OR Name = 'x",
  "x' OR CreatedDate = LAST_N_DAYS:365 OR Name = 'x",
  "x' WITH SECURITY_ENFORCED --",
  "x' FOR UPDATE --",
  "x' ALL ROWS --",
  "x' OR TYPEOF What WHEN Account THEN Name END OR Name = 'x",
  "x' OR Name INCLUDES ('a') OR Name = 'x",
  "x' USING SCOPE everything --",
  "x' WITH USER_MODE --",
] as const;

/** Attempts aimed at COQL's syntax: bracketed criteria, LIMIT offset,count, lookups by dot path. */
const coqlOnly = [
  "x') or (Account_Name is not null",
  "x') or (id != 0",
  "x' or Account_Name.id is not null or Account_Name = 'x",
  "x' limit 2000 --",
  "x' limit 0, 2000 --",
  "x') and (Owner.email like '%",
  "x' or Created_Time >= '2000-01-01T00:00:00+00:00' or Full_Name = 'x",
  "x' or Layout.id is not null --",
  "x'))) or (((id is not null",
  "x' or Tag.name is not null --",
] as const;

export const soqlInjectionCorpus: readonly string[] = [...common, ...soqlOnly];
export const coqlInjectionCorpus: readonly string[] = [...common, ...coqlOnly];

/** Values placed where the CRM expects an API name (mapping files, plan fields). */
export const identifierInjectionCorpus: readonly string[] = [
  'Name FROM User --',
  'Name, (SELECT Id FROM Contacts)',
  'Id) OR (Id != null',
  "Name' OR '1'='1",
  'Account.Owner.Name',
  'Name;DROP',
  'Name--',
  'Name/*x*/',
  'COUNT(Id)',
  '1Name',
  '',
  ' ',
  'Name ',
  'Na me',
  'Name\n',
  'Ñame',
  'a'.repeat(81),
  '__c',
  'Name,Id',
  'Id FROM Account WHERE Name != null',
];
