import { describe, expect, it } from 'vitest';
import { canonicalFixture } from '../testing/canonicalFixture';
import { createZohoOrg } from './zohoOrg';

const org = createZohoOrg(canonicalFixture(), { dataCentre: 'JP' });

describe('createZohoOrg', () => {
  it('gives every record a 19-digit string id, the same for the same dataset and data centre', () => {
    const again = createZohoOrg(canonicalFixture(), { dataCentre: 'JP' });
    expect(org.zohoIdOf('account', 'acc-1')).toMatch(/^6012345\d{12}$/);
    expect(again.zohoIdOf('feedback', 'fb-3')).toBe(org.zohoIdOf('feedback', 'fb-3'));
    expect(createZohoOrg(canonicalFixture(), { dataCentre: 'EU' }).zohoIdOf('account', 'acc-1')).not.toBe(org.zohoIdOf('account', 'acc-1'));
    expect(() => org.zohoIdOf('account', 'nope')).toThrow(/no account/);
  });

  it('lays touchpoints out by channel: email → Tasks, meeting → Events (one hour), phone → Calls', () => {
    expect(org.record(org.zohoIdOf('touchpoint', 'tp-1'))).toMatchObject({
      Subject: 'Adoption check-in',
      Status: 'Completed',
      Due_Date: '2026-05-21',
      Closed_Time: '2026-05-21T05:49:32+09:00',
      What_Id: { name: 'Acme Corp', id: org.zohoIdOf('account', 'acc-1') },
      $se_module: 'Accounts',
      Kizuna_Channel: 'email',
    });
    expect(org.record(org.zohoIdOf('touchpoint', 'tp-2'))).toMatchObject({
      Event_Title: 'QBR',
      Start_DateTime: '2026-04-01T09:00:00+09:00',
      End_DateTime: '2026-04-01T10:00:00+09:00',
      Who_Id: null,
      Kizuna_Moment_Of_Truth: 'quarterly_business_review',
    });
    expect(org.records('Calls')).toHaveLength(0);
  });

  it('seeds accepted actions as a keyed Task and a Kizuna_Actions record; proposed ones not at all', () => {
    const taskId = org.zohoIdOf('actionTask', 'act-1');
    expect(org.record(taskId)).toMatchObject({ Kizuna_Action_Key: 'NBA-acc1-detractor-call', Status: 'Not Started', Priority: 'High', Due_Date: '2026-05-30' });
    expect(org.record(org.zohoIdOf('action', 'act-1'))).toMatchObject({ Action_Key: 'NBA-acc1-detractor-call', Action_Status: 'accepted', Task_Id: taskId });
    expect(() => org.zohoIdOf('action', 'act-2')).toThrow();
  });

  it('maps cases, deals and pulses as the layout says', () => {
    expect(org.record(org.zohoIdOf('supportCase', 'case-2'))).toMatchObject({ Status: 'On Hold', Priority: 'Low', Case_Origin: 'Web', Kizuna_Channel: 'video_call', Case_Number: '2' });
    expect(org.record(org.zohoIdOf('opportunity', 'opp-1'))).toMatchObject({ Deal_Name: 'Acme renewal 2026', Stage: 'Closed Won', Type: 'Renewal', Kizuna_Outcome: 'won', Closing_Date: '2026-01-31' });
    expect(org.record(org.zohoIdOf('employeePulse', 'ep-1'))).toMatchObject({ Name: 'EP-000001', Team: 'team-cs', ENPS_Detractors: 2, Engagement: 71.5 });
  });

  it('has an administrator and one owner per serving team, in the org zone and locale', () => {
    expect(org.admin).toMatchObject({ profile: { name: 'Administrator' }, time_zone: 'Asia/Tokyo', locale: 'ja_JP' });
    expect(org.users).toHaveLength(2);
    const owner = org.record(org.zohoIdOf('account', 'acc-1'))?.['Owner'];
    expect(owner).toEqual({ name: org.users[1]?.full_name, id: org.users[1]?.id, email: org.users[1]?.email });
  });
});
