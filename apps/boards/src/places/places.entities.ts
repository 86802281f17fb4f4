import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Where things are, as the residents' committee published it: streets, communities, compounds and
 * buildings. Every board is cut by these (a street's board is its communities'), and a caller's
 * street scope reaches a community through `streetId` here. Ids and names only.
 */
@Entity({ name: 'bd_street' })
export class StreetPlace {
  @PrimaryColumn({ type: 'varchar', length: 100 }) streetId!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
}

@Entity({ name: 'bd_community' })
@Index(['streetId'])
export class CommunityPlace {
  @PrimaryColumn({ type: 'varchar', length: 100 }) communityId!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  /** Null: registered without a street (every community-registered v1). */
  @Column({ type: 'varchar', length: 100, nullable: true }) streetId!: string | null;
}

@Entity({ name: 'bd_compound' })
@Index(['communityId'])
export class CompoundPlace {
  @PrimaryColumn({ type: 'varchar', length: 100 }) compoundId!: string;
  @Column({ type: 'varchar', length: 100 }) communityId!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
}

@Entity({ name: 'bd_building' })
@Index(['compoundId'])
export class BuildingPlace {
  @PrimaryColumn({ type: 'varchar', length: 100 }) buildingId!: string;
  @Column({ type: 'varchar', length: 100 }) compoundId!: string;
  @Column({ type: 'varchar', length: 100 }) communityId!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'varchar', length: 50 }) number!: string;
}

export const PLACE_ENTITIES = [StreetPlace, CommunityPlace, CompoundPlace, BuildingPlace];
