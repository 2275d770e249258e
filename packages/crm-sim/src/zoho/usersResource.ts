import { requireUsersScope } from './oauth/scopes';
import type { ZohoSession } from './oauth/zohoOAuth';
import { invalidData } from './zohoApiError';
import type { ZohoAnswer, ZohoResourceContext } from './zohoResource';
import type { ZohoUser } from './zohoUsers';

const userTypes = ['AllUsers', 'ActiveUsers', 'DeactiveUsers', 'ConfirmedUsers', 'NotConfirmedUsers', 'DeletedUsers', 'ActiveConfirmedUsers', 'AdminUsers', 'ActiveConfirmedAdmins', 'CurrentUser'] as const;

/**
 * `GET /crm/v8/users?type=CurrentUser` (and the other documented `type` values): the user of
 * the token, with `locale` and `time_zone`; `{users: [...], info: {per_page, count, page,
 * more_records}}`. Needs `ZohoCRM.users.READ`.
 */
export function listUsers(ctx: ZohoResourceContext, params: URLSearchParams, session: ZohoSession): ZohoAnswer {
  requireUsersScope(session.scopes);
  const type = params.get('type') ?? 'AllUsers';
  if (!(userTypes as readonly string[]).includes(type)) throw invalidData('invalid data', { param_name: 'type', supported_values: [...userTypes] });
  const all = ctx.org.users;
  const users: readonly ZohoUser[] =
    type === 'CurrentUser'
      ? all.filter((user) => user.id === session.userId)
      : type === 'AdminUsers' || type === 'ActiveConfirmedAdmins'
        ? all.filter((user) => user.profile.name === 'Administrator')
        : type === 'DeactiveUsers' || type === 'NotConfirmedUsers' || type === 'DeletedUsers'
          ? []
          : all;
  if (users.length === 0) return { status: 204, body: null };
  return { status: 200, body: { users, info: { per_page: 200, count: users.length, page: 1, more_records: false } } };
}

/** `GET /crm/v8/users/{id}`. */
export function getUser(ctx: ZohoResourceContext, id: string, session: ZohoSession): ZohoAnswer {
  requireUsersScope(session.scopes);
  const user = ctx.org.users.find((candidate) => candidate.id === id);
  if (user === undefined) return { status: 204, body: null };
  return { status: 200, body: { users: [user] } };
}
