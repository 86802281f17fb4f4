import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/*
 * Who holds each post of the six linked parties (六方联动), as their publishers told it: one row
 * per source entity, upserted by the facts that describe it, ids and posts only. Columns a later
 * fact writes, or that a fact about the same entity may write first, are nullable: a board reads
 * "not heard of yet", never fails for it.
 */

/**
 * A Party organization of the community: its committee, a branch, a building group
 * (`organization-founded`), or a property company's own branch (`company-branch-founded`).
 */
@Entity({ name: 'bd_party_organization' })
@Index(['communityId'])
@Index(['companyId'])
export class PartyOrganizationEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 }) organizationId!: string;
  /** `community-committee`, `branch`, `group` or `company-branch`. */
  @Column({ type: 'varchar', length: 30 }) kind!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) name!: string | null;
  @Column({ type: 'varchar', length: 100 }) communityId!: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) parentId!: string | null;
  /** The company of a company branch; null for the community's own organizations. */
  @Column({ type: 'varchar', length: 100, nullable: true }) companyId!: string | null;
}

/** The compounds an organization covers (a branch covers its compounds: ADR 15), one row each. */
@Entity({ name: 'bd_organization_compound' })
@Index(['compoundId'])
export class OrganizationCompound {
  @PrimaryColumn({ type: 'varchar', length: 100 }) organizationId!: string;
  @PrimaryColumn({ type: 'varchar', length: 100 }) compoundId!: string;
  @Column({ type: 'varchar', length: 30 }) kind!: string;
}

/**
 * A seat on an organization's committee (`seat-filled`, `seat-vacated`): a vacated seat keeps its
 * row, so "no longer" can be told from "never heard of" (ADR 26). A seat id is filled once.
 */
@Entity({ name: 'bd_seat' })
@Index(['organizationId'])
@Index(['communityId'])
export class SeatEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 }) seatId!: string;
  @Column({ type: 'varchar', length: 100 }) organizationId!: string;
  @Column({ type: 'varchar', length: 100 }) communityId!: string;
  @Column({ type: 'varchar', length: 30, nullable: true }) organizationKind!: string | null;
  /** `secretary`, `deputy-secretary` or `committee-member`. */
  @Column({ type: 'varchar', length: 30, nullable: true }) seat!: string | null;
  /** `owners-committee-chair`, `property-manager`, `community-police` or null. */
  @Column({ type: 'varchar', length: 30, nullable: true }) holds!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) memberId!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) residentId!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) filledAt!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) vacatedAt!: string | null;
}

/** A worker of the residents' committee and their post (`worker-appointed`). */
@Entity({ name: 'bd_committee_worker' })
@Index(['communityId'])
export class CommitteeWorker {
  @PrimaryColumn({ type: 'varchar', length: 100 }) workerId!: string;
  @Column({ type: 'varchar', length: 100 }) communityId!: string;
  /** `director`, `deputy`, `grid-worker` or `service-station` (the service station's staff). */
  @Column({ type: 'varchar', length: 30 }) role!: string;
  @Column({ type: 'varchar', length: 40 }) appointedAt!: string;
}

/** A zone, grid or basic grid (`grid-defined`), with what it covers. */
@Entity({ name: 'bd_grid' })
@Index(['communityId'])
@Index(['parentId'])
export class GridEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 }) gridId!: string;
  @Column({ type: 'varchar', length: 100 }) communityId!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'varchar', length: 20 }) level!: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) parentId!: string | null;
  @Column({ type: 'simple-json' }) compoundIds!: string[];
}

/**
 * A post of a grid (`grid-post-filled`, `grid-post-vacated`, one publisher and key, in order): a
 * post id may be filled again once vacated, so a filling clears `vacatedAt`.
 */
@Entity({ name: 'bd_grid_post' })
@Index(['gridId'])
@Index(['holderId'])
export class GridPostEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 }) postId!: string;
  @Column({ type: 'varchar', length: 100 }) gridId!: string;
  @Column({ type: 'varchar', length: 100 }) communityId!: string;
  /** `grid-leader`, `full-time-worker` or `part-time-worker`. */
  @Column({ type: 'varchar', length: 30 }) post!: string;
  /** `worker`, `member`, `building-leader` or `volunteer`. */
  @Column({ type: 'varchar', length: 30 }) holderKind!: string;
  @Column({ type: 'varchar', length: 100 }) holderId!: string;
  @Column({ type: 'varchar', length: 40, nullable: true }) filledAt!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) vacatedAt!: string | null;
}

/**
 * An owners' committee of a compound for its term (`committee-formed`) and its Party share as the
 * committee judged it (`party-share-compliance-changed`, one publisher and key, in order). No
 * compliance fact yet: compliant since its formation, as the committee itself holds.
 */
@Entity({ name: 'bd_owners_committee' })
@Index(['compoundId'])
export class OwnersCommitteeEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 }) committeeId!: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) compoundId!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) communityId!: string | null;
  /** `YYYY-MM-DD`: compared as text, which orders days. */
  @Column({ type: 'varchar', length: 10, nullable: true }) termStart!: string | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) termEnd!: string | null;
  @Column({ type: 'boolean', nullable: true }) partyShareCompliant!: boolean | null;
  @Column({ type: 'float', nullable: true }) minimumPartySharePercent!: number | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) partyShareSince!: string | null;
}

/** A seat on an owners' committee (`member-seated`, `member-left`). */
@Entity({ name: 'bd_owners_committee_member' })
@Index(['committeeId'])
export class OwnersCommitteeMember {
  @PrimaryColumn({ type: 'varchar', length: 100 }) memberId!: string;
  @Column({ type: 'varchar', length: 100 }) committeeId!: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) residentId!: string | null;
  /** `chair`, `deputy` or `member`. */
  @Column({ type: 'varchar', length: 20, nullable: true }) role!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) partyMemberId!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) seatedAt!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) leftAt!: string | null;
}

/** A property company (`company-registered`): its name for the board. */
@Entity({ name: 'bd_company' })
export class CompanyEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 }) companyId!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
}

/** Who serves which compound when (`contract-recorded`): the current one has today in its days. */
@Entity({ name: 'bd_service_contract' })
@Index(['compoundId'])
export class ServiceContractEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 }) contractId!: string;
  @Column({ type: 'varchar', length: 100 }) companyId!: string;
  @Column({ type: 'varchar', length: 100 }) compoundId!: string;
  @Column({ type: 'varchar', length: 100 }) communityId!: string;
  @Column({ type: 'varchar', length: 10 }) startsOn!: string;
  @Column({ type: 'varchar', length: 10 }) endsOn!: string;
  @Column({ type: 'varchar', length: 40 }) recordedAt!: string;
}

/** A red-property (红色物业) rule of a company, as the property company assessed it. */
@Entity({ name: 'bd_red_property_rule' })
export class RedPropertyRuleEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 }) companyId!: string;
  /** `party-organization` or `party-members`. */
  @PrimaryColumn({ type: 'varchar', length: 30 }) rule!: string;
  /** `met`, `not-met` or `not-applicable`. */
  @Column({ type: 'varchar', length: 20 }) status!: string;
  @Column({ type: 'varchar', length: 40 }) since!: string;
}

/** A building an approved building leader (楼门长) answers for (`leader-approved`), one row each. */
@Entity({ name: 'bd_building_leader' })
@Index(['buildingId'])
@Index(['compoundId'])
export class BuildingLeaderPost {
  @PrimaryColumn({ type: 'varchar', length: 100 }) leaderId!: string;
  @PrimaryColumn({ type: 'varchar', length: 100 }) buildingId!: string;
  @Column({ type: 'varchar', length: 100 }) compoundId!: string;
  @Column({ type: 'varchar', length: 100 }) communityId!: string;
  @Column({ type: 'varchar', length: 40 }) approvedAt!: string;
}

/**
 * A task a joint meeting (联席会议) handed a party (`joint-meeting-tasks-assigned`), open until
 * `joint-meeting-task-progressed` says done; overdue is judged at read time against today.
 */
@Entity({ name: 'bd_joint_meeting_task' })
@Index(['compoundId', 'doneAt'])
export class JointMeetingTaskEntry {
  @PrimaryColumn({ type: 'varchar', length: 100 }) taskId!: string;
  @Column({ type: 'varchar', length: 100 }) meetingId!: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) compoundId!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) communityId!: string | null;
  /** `branch`, `owners-committee`, `property-company`, `residents-committee` or `building-leaders`. */
  @Column({ type: 'varchar', length: 30, nullable: true }) party!: string | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) dueOn!: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) doneAt!: string | null;
}

export const LINKAGE_ENTITIES = [
  PartyOrganizationEntry,
  OrganizationCompound,
  SeatEntry,
  CommitteeWorker,
  GridEntry,
  GridPostEntry,
  OwnersCommitteeEntry,
  OwnersCommitteeMember,
  CompanyEntry,
  ServiceContractEntry,
  RedPropertyRuleEntry,
  BuildingLeaderPost,
  JointMeetingTaskEntry,
];
