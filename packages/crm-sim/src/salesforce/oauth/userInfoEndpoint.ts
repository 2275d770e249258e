import type { SalesforceSessions } from '../salesforceSessions';
import { defaultSalesforceUsername, type SalesforceOAuth } from './salesforceOAuth';

export interface UserInfoContext {
  readonly oauth: SalesforceOAuth;
  readonly sessions: SalesforceSessions;
  readonly loginUrl: string;
  readonly instanceUrl: string;
  readonly apiVersion: string;
  /** Calls after which a token expires (the `tokenExpiresAfterCalls` knob), or null. */
  readonly expiresAfterCalls: number | null;
}

/** What the endpoint answers: a JSON object, or the plain-text refusal of a bad token. */
export type UserInfoAnswer =
  | { readonly status: 200; readonly body: Readonly<Record<string, unknown>> }
  | { readonly status: 403; readonly text: 'Bad_OAuth_Token' };

function bearerToken(header: string | null): string | null {
  const match = header === null ? null : /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/** The UTC offset of `timeZone` at `now`, in milliseconds (UserInfo's `utcOffset`). */
function utcOffsetMs(timeZone: string, now: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(new Date(now));
  const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (match === null) return 0;
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * 3_600_000 + Number(match[3]) * 60_000);
}

/**
 * `GET|POST /services/oauth2/userinfo` (OpenID Connect UserInfo, help "Query for User
 * Information", remoteaccess_using_userinfo_endpoint.htm): the signed-in user of the bearer token
 * as `sub` (identity URL), `user_id`, `organization_id`, `preferred_username`, `nickname`, `name`,
 * `email`, `email_verified`, `given_name`, `family_name`, `zoneinfo`, `photos`, `profile`,
 * `picture`, `address`, `is_salesforce_integration_user`, `urls`, `active`, `user_type`,
 * `language`, `locale`, `utcOffset`, `updated_at`, `is_app_installed`. An invalid or expired token
 * is refused with HTTP 403 and the text `Bad_OAuth_Token` — not the REST API's 401 (observed:
 * Salesforce Mobile SDK iOS issue 3398, jsforce pull request 736).
 */
export function answerUserInfo(context: UserInfoContext, authorization: string | null): UserInfoAnswer {
  const token = bearerToken(authorization);
  if (token === null || context.sessions.status(token, context.expiresAfterCalls) !== 'valid') return { status: 403, text: 'Bad_OAuth_Token' };
  context.sessions.use(token);
  const username = context.sessions.ownerOf(token) ?? defaultSalesforceUsername;
  const user = context.oauth.user(username);
  if (user === undefined) return { status: 403, text: 'Bad_OAuth_Token' };
  const { userId, profile } = user;
  const orgId = context.oauth.orgId;
  const version = context.apiVersion.replace(/^v/, '');
  const data = `${context.instanceUrl}/services/data/v${version}`;
  const photo = `${context.instanceUrl}/profilephoto/005/F`;
  const now = context.oauth.now();
  return {
    status: 200,
    body: {
      sub: `${context.loginUrl}/id/${orgId}/${userId}`,
      user_id: userId,
      organization_id: orgId,
      preferred_username: username,
      nickname: username.split('@')[0] ?? username,
      name: profile.name,
      email: profile.email,
      email_verified: true,
      given_name: profile.givenName,
      family_name: profile.familyName,
      zoneinfo: profile.timeZone,
      photos: { picture: photo, thumbnail: photo.replace(/F$/, 'T') },
      profile: `${context.instanceUrl}/${userId}`,
      picture: photo,
      address: {},
      is_salesforce_integration_user: false,
      urls: {
        rest: `${data}/`,
        sobjects: `${data}/sobjects/`,
        query: `${data}/query/`,
        profile: `${context.instanceUrl}/${userId}`,
      },
      active: true,
      user_type: profile.userType,
      language: profile.language,
      locale: profile.locale,
      utcOffset: utcOffsetMs(profile.timeZone, now),
      updated_at: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      is_app_installed: true,
    },
  };
}
