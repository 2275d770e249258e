import { emptyDataset, type CanonicalDataset, type CxDataSource, type DatasetRead, type EntityName, type ReadOptions, type RejectedRecord, type UnavailablePart } from '@kizuna/model';

/** What every `readDataset` holds whatever it asks for: the structure and the accounts in scope. */
const alwaysRead: ReadonlySet<EntityName> = new Set<EntityName>(['businessUnit', 'productLine', 'segment', 'team', 'account']);

/**
 * The record reads of one load (one view's data for one set of filters), shared by everything
 * the load needs records for — the structure and employee pulses, the KPIs evaluated in memory —
 * so each CRM object is read once: the accounts come with every read, so two reads would read
 * them twice.
 */
export interface RecordReads {
  /** The window every read covers (`[from, to)`). */
  readonly window: { readonly from: string; readonly to: string };
  /**
   * The records of `entities`, with the structure and accounts every read holds; every other
   * entity's list is empty. Entities asked for in the same turn (before the caller next awaits)
   * go in one `readDataset`; an entity a read already covers, answered or still under way, is not
   * read again. Its rejected records and unreadable parts are those of these entities and of the
   * structure and accounts.
   */
  read(entities: readonly EntityName[]): Promise<DatasetRead>;
  /** Everything read so far, each entity from its one read: every rejected record and unreadable part counted once. */
  all(): Promise<DatasetRead>;
}

interface Flight {
  /** The entities this read was sent for (the first read also holds the structure and accounts). */
  readonly asked: Set<EntityName>;
  readonly answer: Promise<DatasetRead>;
}

/** One load's record reads over `window`; see {@link RecordReads}. */
export function recordReads(dataSource: CxDataSource, window: RecordReads['window'], options: ReadOptions = {}): RecordReads {
  const flights: Flight[] = [];
  let gathering: Flight | undefined;

  /** The read whose records of `entity` count: the first that asked for it (the first read for the structure and accounts). */
  const ownerOf = (entity: EntityName): Flight | undefined =>
    flights.find((flight) => flight.asked.has(entity)) ?? (alwaysRead.has(entity) ? flights[0] : undefined);

  /** The read still taking entities this turn, started when the turn ends. */
  function gatheringFlight(): Flight {
    if (gathering !== undefined) return gathering;
    const asked = new Set<EntityName>();
    const answer = Promise.resolve().then(() => {
      gathering = undefined;
      return dataSource.readDataset({ from: window.from, to: window.to, entities: [...asked] }, options);
    });
    const flight: Flight = { asked, answer };
    flights.push(flight);
    gathering = flight;
    return flight;
  }

  /** The records of `wanted` from their reads; issues kept where `counts` says (entity, reporting read). */
  async function compose(wanted: ReadonlySet<EntityName>, counts: (entity: EntityName, reportedBy: Flight) => boolean): Promise<DatasetRead> {
    const owners = [...new Set([...wanted].map(ownerOf).filter((flight): flight is Flight => flight !== undefined))];
    const answers = new Map(await Promise.all(owners.map(async (flight) => [flight, await flight.answer] as const)));
    const empty = emptyDataset();
    const of = (entity: EntityName): CanonicalDataset => {
      const owner = wanted.has(entity) ? ownerOf(entity) : undefined;
      return (owner === undefined ? undefined : answers.get(owner)?.dataset) ?? empty;
    };
    const rejected: RejectedRecord[] = [];
    const unavailable: UnavailablePart[] = [];
    for (const [flight, answer] of answers) {
      rejected.push(...answer.rejected.filter((record) => counts(record.entity, flight)));
      unavailable.push(...answer.unavailable.filter((part) => counts(part.entity, flight)));
    }
    return {
      dataset: {
        businessUnits: of('businessUnit').businessUnits,
        productLines: of('productLine').productLines,
        segments: of('segment').segments,
        teams: of('team').teams,
        accounts: of('account').accounts,
        contacts: of('contact').contacts,
        touchpoints: of('touchpoint').touchpoints,
        feedback: of('feedback').feedback,
        supportCases: of('supportCase').supportCases,
        opportunities: of('opportunity').opportunities,
        employeePulses: of('employeePulse').employeePulses,
        actions: of('action').actions,
      },
      rejected,
      unavailable,
    };
  }

  /** An issue counts once: in the read that owns its entity, or in the first read when no read asked for it. */
  const countedIn = (entity: EntityName, reportedBy: Flight) => (ownerOf(entity) ?? flights[0]) === reportedBy;

  return {
    window,
    read(entities) {
      const missing = entities.filter((entity) => !alwaysRead.has(entity) && ownerOf(entity) === undefined);
      if (missing.length > 0 || flights.length === 0) {
        const flight = gatheringFlight();
        for (const entity of missing) flight.asked.add(entity);
      }
      const wanted = new Set([...alwaysRead, ...entities]);
      return compose(wanted, (entity, flight) => wanted.has(entity) && countedIn(entity, flight));
    },
    all() {
      const wanted = new Set([...alwaysRead, ...flights.flatMap((flight) => [...flight.asked])]);
      return compose(wanted, countedIn);
    },
  };
}
