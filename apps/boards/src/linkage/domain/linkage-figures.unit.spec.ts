import {
  addSettlements,
  openByParty,
  partyOfAssignee,
  redPropertyStatus,
  settlement,
} from './linkage-figures';

describe('which party an open order is with', () => {
  it.each([
    ['member', 'party-organization'],
    ['branch-pool', 'party-organization'],
    ['property-company', 'property-company'],
    ['building-leader', 'building-leaders'],
    ['volunteer-team', 'service-station'],
    ['department', 'department'],
    [null, 'residents-committee'],
  ])('given an order assigned to %s, it is with %s', (kind, party) =>
    expect(partyOfAssignee(kind)).toBe(party),
  );

  it('given a kind nobody told the boards of, it says so instead of miscounting', () =>
    expect(() => partyOfAssignee('astronaut')).toThrow(/astronaut/));

  it('given counts by kind, they sum by party and every party is listed', () =>
    expect(
      openByParty([
        { assigneeKind: 'member', orders: 2 },
        { assigneeKind: 'branch-pool', orders: 3 },
        { assigneeKind: null, orders: 1 },
      ]),
    ).toEqual({
      'party-organization': 5,
      'property-company': 0,
      'building-leaders': 0,
      'service-station': 0,
      department: 0,
      'residents-committee': 1,
    }));
});

describe('a company’s red-property status', () => {
  it('given both rules met or not applicable, it is met', () =>
    expect(
      redPropertyStatus([
        { rule: 'party-organization', status: 'not-applicable' },
        { rule: 'party-members', status: 'met' },
      ]),
    ).toBe('met'));

  it('given one rule not met, it is not met even before the other is assessed', () =>
    expect(redPropertyStatus([{ rule: 'party-members', status: 'not-met' }])).toBe('not-met'));

  it('given a rule not assessed yet, it is unknown', () => {
    expect(redPropertyStatus([{ rule: 'party-members', status: 'met' }])).toBe('unknown');
    expect(redPropertyStatus([])).toBe('unknown');
  });
});

describe('how closed orders were settled (小事不出网格、大事不出社区)', () => {
  it('given closed orders, the community’s are the rest, and each share is over the closed', () =>
    expect(settlement(8, 5, 1)).toEqual({
      closed: 8,
      withinGrid: 5,
      withinCommunity: 2,
      escalated: 1,
      shares: { withinGrid: 0.625, withinCommunity: 0.25, escalated: 0.125 },
    }));

  it('given nothing closed, the shares are null, not zero', () =>
    expect(settlement(0, 0, 0).shares).toEqual({ withinGrid: null, withinCommunity: null, escalated: null }));

  it('given counts that cannot be, it refuses them', () => expect(() => settlement(1, 1, 1)).toThrow());

  it('given several compounds, the shares are of the sums', () =>
    expect(addSettlements([settlement(1, 1, 0), settlement(3, 0, 0)]).shares.withinGrid).toBe(0.25));
});
