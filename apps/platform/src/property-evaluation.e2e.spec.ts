import type { OpenAPIObject } from '@nestjs/swagger';
import { periodOf } from '@cogov/contracts';
import { systemClock } from '@cogov/decider';
import { testDatabases } from './testing/databases';
import { type Exchange, OpenApiContract } from './testing/openapi-contract';
import { type ApiCall, seedCommunity } from './testing/seed-community';
import { type ApiClient, TestPlatform } from './testing/test-platform';

/**
 * 物业服务质量考核评价: an order dispatched to a property company, completed and rated by the
 * resident; the owners' committee's evaluation and the community Party organization's rating;
 * the company's evaluation for the period, with its grade. And a survey of the owners, answered,
 * with its results once closed (the injected clock moved past its closing).
 */
describe.each(testDatabases)(
  'property evaluation and surveys (embedded platform on %s)',
  (_name, makeDatabase) => {
    const { config: database, cleanup } = makeDatabase();
    let platform: TestPlatform;
    let seed: Awaited<ReturnType<typeof seedCommunity>>;
    let admin: ApiClient;
    let ownersStaff: ApiClient;
    let committeeId: string;
    let contract: OpenApiContract | undefined;

    const call: ApiCall = async (claims, method, route, body) => {
      const client = await platform.as(claims);
      const response = method === 'GET' ? await client.get(route) : await client.post(route, body ?? {});
      return { status: response.status, body: response.body as Record<string, unknown> };
    };

    beforeAll(async () => {
      // Every request after the document itself is checked against it, and every answer.
      platform = await TestPlatform.start(database, {}, (exchange: Exchange) => contract?.check(exchange));
      contract = new OpenApiContract((await platform.http().get('/docs/openapi.json')).body as OpenAPIObject);
      seed = await seedCommunity(call);
      admin = await platform.as({ personId: 'admin', roles: ['platform-admin'] });
      ownersStaff = await platform.as({
        personId: 'oc-staff-1',
        roles: ['owners-committee-staff'],
        compounds: [seed.compoundId],
      });
      await platform.settle();
      committeeId = await (
        await platform.as(seed.worker)
      ).create('/api/owners-committees', {
        compoundId: seed.compoundId,
        termStart: '2020-01-01',
        termEnd: '2099-12-31',
      });
    });
    afterAll(async () => {
      jest.restoreAllMocks();
      await platform?.stop();
      await cleanup();
    });

    it('the order’s rating, the committee’s evaluation and the Party’s rating make the period’s score and grade', async () => {
      const companyId = await admin.create('/api/property-companies', {
        name: 'Green Shade Property',
        unifiedCreditCode: '91350100M000100Y43',
        staffCount: 20,
        fullPartyMemberCount: 2,
      });
      await platform.settle();
      const period = periodOf(new Date().toISOString(), 'quarter');
      const evaluation = {
        companyId,
        period,
        cleaning: 80,
        security: 90,
        greenery: 70,
        repairs: 60,
        feesTransparency: 100,
        comment: 'Repairs are slow',
      };
      // Before any contract, the committee cannot know the company serves its compound.
      const early = await ownersStaff.post(
        `/api/owners-committees/${committeeId}/property-evaluations`,
        evaluation,
      );
      expect({ status: early.status, error: early.body.error }).toEqual({
        status: 409,
        error: 'not-yet-known',
      });
      await admin.create(`/api/property-companies/${companyId}/contracts`, {
        compoundId: seed.compoundId,
        startsOn: '2020-01-01',
        endsOn: '2099-12-31',
      });
      await platform.settle();

      // An order dispatched to the company, worked on by its staff, rated 4 of 5 by the resident.
      const resident = await platform.as(seed.resident);
      const orderId = await resident.create('/api/orders', {
        residentId: seed.residentId,
        compoundId: seed.compoundId,
        category: 'repair',
        title: 'Lift stuck',
        description: 'Lift stuck',
        channel: 'app',
      });
      await platform.settle();
      await (
        await platform.as(seed.member)
      ).expectPost(`/api/orders/${orderId}/review`, {
        reviewerId: seed.memberId,
        decision: 'approve',
        note: 'Property matter',
        priority: 'normal',
      });
      await platform.settle();
      await (
        await platform.as(seed.worker)
      ).expectPost(`/api/orders/${orderId}/dispatch`, {
        dispatcherId: seed.workerId,
        assigneeKind: 'property-company',
        assigneeId: companyId,
      });
      await platform.settle();
      const staff = await platform.as({
        personId: 'staff-7',
        roles: ['property-staff'],
        companies: [companyId],
      });
      const steps = `/api/property-companies/${companyId}/orders/${orderId}`;
      await staff.expectPost(`${steps}/accept`, {});
      await staff.expectPost(`${steps}/arrival`, { note: 'On site' });
      await staff.expectPost(`${steps}/complete`, { resultNote: 'Released', evidence: [] });
      await platform.settle();
      await resident.expectPost(`/api/orders/${orderId}/rating`, {
        raterId: seed.residentId,
        score: 4,
        comment: 'Fine',
      });

      // The committee evaluates the company serving its compound, once for the period.
      await ownersStaff.create(`/api/owners-committees/${committeeId}/property-evaluations`, evaluation);
      const again = await ownersStaff.post(
        `/api/owners-committees/${committeeId}/property-evaluations`,
        evaluation,
      );
      expect({ status: again.status, error: again.body.error }).toEqual({
        status: 409,
        error: 'property-evaluation-exists',
      });

      // The community Party committee rates it, once for the period; a branch may not.
      const partyStaff = await platform.as({
        personId: 'party-staff-1',
        roles: ['party-staff'],
        communities: [seed.communityId],
      });
      const rating = { companyId, period, score: 70, comment: 'Joins the joint meetings' };
      await partyStaff.create(`/api/party/organizations/${seed.committeeId}/company-ratings`, rating);
      const twice = await partyStaff.post(
        `/api/party/organizations/${seed.committeeId}/company-ratings`,
        rating,
      );
      expect({ status: twice.status, error: twice.body.error }).toEqual({
        status: 409,
        error: 'company-rating-exists',
      });
      const byBranch = await partyStaff.post(
        `/api/party/organizations/${seed.branchId}/company-ratings`,
        rating,
      );
      expect({ status: byBranch.status, error: byBranch.body.error }).toEqual({
        status: 409,
        error: 'wrong-kind',
      });
      await platform.settle();

      // Committee mean 80, order 4 of 5 → 75: owners 77.5; with the Party's 70: 0.6 × 77.5 + 0.4 × 70 = 74.5, C.
      const company = await admin.read(`/api/property-companies/${companyId}`);
      expect(company.evaluations).toEqual([
        {
          period,
          score: 74.5,
          grade: 'C',
          ownersSatisfaction: 77.5,
          committeeMean: 80,
          orderRatingsScaled: 75,
          orderRatingCount: 1,
          partyRating: 70,
          complaints: 0,
          committeeEvaluationCount: 1,
          partyRatingCount: 1,
        },
      ]);
      const history = await admin.read(`/api/streams/property-company.company-evaluation-${companyId}`);
      expect(JSON.stringify(history)).toContain('EvaluationGraded');
    });

    it('a survey is answered once per resident, and shows its counts once closed', async () => {
      const now = Date.now();
      const surveyId = await ownersStaff.create(`/api/owners-committees/${committeeId}/surveys`, {
        title: 'Charging points',
        questions: [
          { text: 'Should the compound add electric bike chargers?', choices: ['Yes', 'No'] },
          { text: 'Where?' },
        ],
        closesAt: new Date(now + 60 * 60 * 1000).toISOString(),
      });
      const resident = await platform.as(seed.resident);
      const answer = { residentId: seed.residentId, answers: ['Yes', 'Near building 1'] };
      await resident.create(`/api/surveys/${surveyId}/responses`, answer);
      const second = await resident.post(`/api/surveys/${surveyId}/responses`, answer);
      expect({ status: second.status, error: second.body.error }).toEqual({
        status: 409,
        error: 'already-responded',
      });
      expect(await ownersStaff.read(`/api/surveys/${surveyId}`)).toMatchObject({
        status: 'open',
        responseCount: 1,
        results: null,
      });

      // Two hours later by the platform's clock: the survey has closed.
      jest.spyOn(systemClock, 'now').mockReturnValue(new Date(now + 2 * 60 * 60 * 1000));
      const late = await resident.post(`/api/surveys/${surveyId}/responses`, answer);
      expect({ status: late.status, error: late.body.error }).toEqual({
        status: 409,
        error: 'survey-closed',
      });
      expect(await ownersStaff.read(`/api/surveys/${surveyId}`)).toMatchObject({
        status: 'closed',
        responseCount: 1,
        results: [
          {
            kind: 'choice',
            counts: [
              { choice: 'Yes', count: 1 },
              { choice: 'No', count: 0 },
            ],
          },
          { kind: 'free-text', answers: ['Near building 1'] },
        ],
      });
      jest.restoreAllMocks();
      // The committee's view lists what it did: the evaluation of the last test and this survey.
      await platform.settle();
      const committee = await ownersStaff.read(`/api/owners-committees/${committeeId}`);
      expect(committee.evaluations).toEqual([
        expect.objectContaining({ period: periodOf(new Date().toISOString(), 'quarter'), meanScore: 80 }),
      ]);
      expect(committee.surveys).toEqual([
        expect.objectContaining({ surveyId, title: 'Charging points', responses: 1 }),
      ]);
    });

    it('sent only requests the OpenAPI document allows, and got only answers it declares', () => {
      expect(contract!.checked.length).toBeGreaterThan(20);
      expect(contract!.violations).toEqual([]);
    });
  },
);
