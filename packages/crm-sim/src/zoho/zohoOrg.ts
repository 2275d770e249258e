import type { CanonicalDataset } from '@kizuna/model';
import { executeCoql, type CoqlResult } from './coql/executeCoql';
import { dataCentreInfo, type ZohoDataCentre } from './dataCentres';
import { ZohoOAuth } from './oauth/zohoOAuth';
import { ZohoPageTokens } from './records/pageTokens';
import { seedZohoRecords, type ZohoSeededEntity } from './seedZohoRecords';
import { ZohoRecordWrites } from './writes/recordWrites';
import { ZohoCallStats } from './zohoCallStats';
import { createZohoIdSequence } from './zohoIds';
import { createZohoKnobs, type ZohoKnobs } from './zohoKnobs';
import { zohoModuleSpecs } from './zohoModuleSpecs';
import { renderZohoRecord, type JsonObject } from './zohoRecordJson';
import { ZohoRecordStore, type ZohoStoredRecord } from './zohoRecordStore';
import { createZohoUsers, type ZohoUser } from './zohoUsers';

export interface ZohoOrgOptions {
  /** The data centre the org lives in: its API answers on that DC's `api_domain` only. Default `US`. */
  readonly dataCentre?: ZohoDataCentre;
  /** IANA time zone of the org's users: datetimes go out with its offset. Default `Asia/Tokyo`. */
  readonly timeZone?: string;
  /** Locale of the users. Default `ja_JP`. */
  readonly locale?: string;
  /** Epoch ms of "now": token and page-token expiry, created/modified stamps. Default: the wall clock. */
  readonly now?: () => number;
  /** Seven digits that start every record id of this org. Default by data centre. */
  readonly idPrefix?: string;
  /** Knobs of this org's API (mutable at runtime). Default `createZohoKnobs()`. */
  readonly knobs?: ZohoKnobs;
}

/** An in-memory Zoho CRM org seeded from canonical data, in one data centre. */
export interface ZohoOrg {
  readonly dataCentre: ZohoDataCentre;
  /** `https://www.zohoapis.{tld}`: where the CRM API answers. */
  readonly apiDomain: string;
  /** `https://accounts.zoho.{tld}`: where this org's tokens are exchanged. */
  readonly accountsServer: string;
  readonly timeZone: string;
  readonly store: ZohoRecordStore;
  /** The administrator: the user of tokens issued without one. */
  readonly admin: ZohoUser;
  readonly users: readonly ZohoUser[];
  readonly oauth: ZohoOAuth;
  readonly pageTokens: ZohoPageTokens;
  readonly writes: ZohoRecordWrites;
  readonly calls: ZohoCallStats;
  readonly knobs: ZohoKnobs;
  /** The Zoho id a canonical record was seeded with; throws if it was not seeded. */
  zohoIdOf(entity: ZohoSeededEntity, canonicalId: string): string;
  /** The stored records of a module (datetimes as epoch ms, lookups as ids). */
  records(module: string): readonly ZohoStoredRecord[];
  /** A record as `GET /crm/v8/{module}/{id}` shows it, or undefined. */
  record(id: string): JsonObject | undefined;
  /** Runs COQL without HTTP (throws `ZohoApiError` as the API would answer). */
  coql(selectQuery: string): CoqlResult;
}

const idPrefixes: Readonly<Record<ZohoDataCentre, string>> = {
  US: '4876876',
  EU: '2412345',
  IN: '3456789',
  AU: '7012345',
  JP: '6012345',
  CA: '5123456',
  SA: '8123456',
  CN: '9123456',
};

/**
 * Creates an org laid out as docs/crm/zoho-layout.md says, seeded from `dataset` with
 * deterministic ids (the same dataset and data centre always give the same ids).
 */
export function createZohoOrg(dataset: CanonicalDataset, options: ZohoOrgOptions = {}): ZohoOrg {
  const dataCentre = options.dataCentre ?? 'US';
  const info = dataCentreInfo(dataCentre);
  const timeZone = options.timeZone ?? 'Asia/Tokyo';
  const now = options.now ?? Date.now;
  const knobs = options.knobs ?? createZohoKnobs();
  const nextId = createZohoIdSequence(options.idPrefix ?? idPrefixes[dataCentre]);
  const users = createZohoUsers(dataset.teams, nextId, {
    timeZone,
    locale: options.locale ?? 'ja_JP',
    emailDomain: `kizuna-demo.${info.location}.example`,
  });
  const store = new ZohoRecordStore(zohoModuleSpecs, users.all, nextId, now);
  const ids = seedZohoRecords(dataset, { store, admin: users.admin, teamOwners: users.byTeam, timeZone });
  return {
    dataCentre,
    apiDomain: info.apiDomain,
    accountsServer: info.accountsServer,
    timeZone,
    store,
    admin: users.admin,
    users: users.all,
    oauth: new ZohoOAuth(dataCentre, info, users.admin.id, now, () => knobs),
    pageTokens: new ZohoPageTokens(),
    writes: new ZohoRecordWrites(store, timeZone),
    calls: new ZohoCallStats(),
    knobs,
    zohoIdOf: (entity, canonicalId) => {
      const id = ids.get(entity)?.get(canonicalId);
      if (id === undefined) throw new Error(`no ${entity} with canonical id ${canonicalId} was seeded into the org`);
      return id;
    },
    records: (module) => store.records(module),
    record: (id) => {
      const found = store.byId(id);
      return found === undefined ? undefined : renderZohoRecord(store, found.module, found.record, null, timeZone);
    },
    coql: (selectQuery) => executeCoql(store, selectQuery, timeZone),
  };
}
