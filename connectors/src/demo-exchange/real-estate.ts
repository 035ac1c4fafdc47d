/**
 * Synthetic real estate registry records (不动产登记): owners are persons of
 * the population registry and active entities of the legal-entity registry,
 * and every unit lies in its owner's region.
 */
import type { MadeEntity } from './entities.js';
import { addYears, randomDate, type Random } from './random.js';
import { regionByCode, regionName, type Region } from './regions.js';
import type { CoOwnership, Person, RealEstateOwner, RealEstateProperty, RealEstateUse } from './types.js';
import { STREETS } from './vocabulary.js';

/** 不动产登记暂行条例 took effect on 2015-03-01; earlier titles were 房产证, not 不动产权证书. */
const FIRST_REGISTRATION = '2015-03-01';
/** Fixed so the data does not change with the day the server starts. */
const LAST_REGISTRATION = '2025-12-31';

/** Province abbreviation that opens a 不动产权证书号. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  北京市: '京', 天津市: '津', 上海市: '沪', 重庆市: '渝', 江苏省: '苏', 浙江省: '浙', 福建省: '闽',
  山东省: '鲁', 河南省: '豫', 湖北省: '鄂', 湖南省: '湘', 广东省: '粤', 四川省: '川', 陕西省: '陕',
};

/** Area ranges in m² per use, so a flat is never the size of a plant. */
const AREA: Readonly<Record<RealEstateUse, readonly [number, number]>> = {
  住宅: [45, 180],
  商业: [15, 500],
  办公: [60, 2_000],
  工业: [500, 20_000],
};

/** Certificate and unit numbers already used (well-known records included), so none repeats. */
export type Taken = { certificates: Set<string>; units: Set<string> };

export function personProperties(random: Random, person: Person, others: readonly Person[], taken: Taken): RealEstateProperty[] {
  if (!random.chance(0.55)) return [];
  const region = regionByCode(person.citizenId.slice(0, 6));
  const count = random.chance(0.8) ? 1 : 2;
  const properties: RealEstateProperty[] = [];
  for (let i = 0; i < count; i++) {
    const use: RealEstateUse = random.chance(0.85) ? '住宅' : '商业';
    // Only homes are co-owned here: a couple (共同共有) or relatives with shares (按份共有).
    const roll = random.next();
    const coOwnership: CoOwnership = use !== '住宅' || roll < 0.5 ? '单独所有' : roll < 0.85 ? '共同共有' : '按份共有';
    let owners = [personOwner(person, null)];
    let earliest = maxDate(FIRST_REGISTRATION, addYears(person.birthDate, 18));
    if (coOwnership !== '单独所有') {
      const candidates = others.filter((o) => o.citizenId !== person.citizenId && (coOwnership === '按份共有' || o.sex !== person.sex));
      const coOwner = random.pick(candidates);
      const share = coOwnership === '按份共有' ? random.pick([50, 60, 70]) : null;
      owners = [personOwner(person, share), personOwner(coOwner, share === null ? null : 100 - share)];
      earliest = maxDate(earliest, addYears(coOwner.birthDate, 18));
    }
    const registeredOn = randomDate(random, earliest, LAST_REGISTRATION);
    properties.push(makeProperty(random, { region, use, owners, coOwnership, registeredOn, mortgage: use === '住宅' ? 0.55 : 0.3 }, taken));
  }
  return properties;
}

export function entityProperties(random: Random, { entity, region }: MadeEntity, taken: Taken): RealEstateProperty[] {
  // Deregistered or revoked entities have usually transferred their property.
  if (entity.status !== '存续' || !random.chance(0.4)) return [];
  const count = random.chance(0.75) ? 1 : 2;
  const owner: RealEstateOwner = { name: entity.name, idType: '统一社会信用代码', idNumber: entity.creditCode, share: null };
  const properties: RealEstateProperty[] = [];
  for (let i = 0; i < count; i++) {
    const use = entityUse(random, entity.type);
    const registeredOn = randomDate(random, maxDate(FIRST_REGISTRATION, entity.establishedOn), LAST_REGISTRATION);
    properties.push(makeProperty(random, { region, use, owners: [owner], coOwnership: '单独所有', registeredOn, mortgage: 0.3 }, taken));
  }
  return properties;
}

function entityUse(random: Random, type: MadeEntity['entity']['type']): RealEstateUse {
  if (type === '个体工商户') return '商业';
  if (type === '民办非企业单位') return '办公';
  if (type === '农民专业合作社') return '工业';
  return random.pick(['办公', '办公', '商业', '工业'] as const);
}

type Draft = {
  region: Region;
  use: RealEstateUse;
  owners: RealEstateOwner[];
  coOwnership: CoOwnership;
  registeredOn: string;
  /** Chance that a mortgage is registered. */
  mortgage: number;
};

function makeProperty(random: Random, draft: Draft, taken: Taken): RealEstateProperty {
  const { region, use } = draft;
  const street = `${regionName(region)}${random.pick(STREETS)}${random.int(1, 300)}号`;
  const building = use === '住宅' || use === '工业' ? random.int(1, 20) : 1;
  const floor = use === '工业' ? 1 : use === '商业' ? random.int(1, 3) : random.int(1, 30);
  const room = use === '工业' ? 1 : floor * 100 + random.int(1, 4);
  const location =
    use === '住宅' ? `${street}${building}栋${random.int(1, 4)}单元${room}室`
    : use === '工业' ? `${street}${building}幢`
    : use === '商业' ? `${street}${floor}层${room}商铺`
    : `${street}${floor}层${room}`;
  const [min, max] = AREA[use];
  return {
    certificateNumber: unique(taken.certificates, () => certificateNumber(random, region, draft.registeredOn)),
    unitNumber: unique(taken.units, () => unitNumber(random, region, building, room)),
    location,
    use,
    // Whole hundredths divided once, so the JSON number has at most two decimals.
    area: random.int(min * 100, max * 100) / 100,
    owners: draft.owners,
    coOwnership: draft.coOwnership,
    registeredOn: draft.registeredOn,
    mortgaged: random.chance(draft.mortgage),
  };
}

/**
 * 省简称（登记年份）登记机构所在地不动产权第NNNNNNN号. 直辖市 register by district,
 * the other cities here by city; city-specific forms (上海 "浦字") are not modelled.
 */
function certificateNumber(random: Random, region: Region, registeredOn: string): string {
  const abbreviation = ABBREVIATIONS[region.province];
  if (abbreviation === undefined) throw new Error(`no province abbreviation for ${region.province}`);
  const place = region.province === region.city ? region.district : region.city;
  const sequence = String(random.int(1, 399_999)).padStart(7, '0');
  return `${abbreviation}（${registeredOn.slice(0, 4)}）${place}不动产权第${sequence}号`;
}

/**
 * 不动产单元号 (GB/T 37346): county code (6) + 地籍区 (3) + 地籍子区 (3) +
 * 宗地特征码 "GB" (state-owned land, construction-land use right on the surface) +
 * 宗地顺序号 (5) + 定着物特征码 "F" (building) + 幢号 (4) + 户号 (4) = 28 characters.
 * The cadastral district, sub-district and parcel numbers are random.
 */
function unitNumber(random: Random, region: Region, building: number, room: number): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${region.code}${pad(random.int(1, 20), 3)}${pad(random.int(1, 30), 3)}GB${pad(random.int(1, 99_999), 5)}F${pad(building, 4)}${pad(room, 4)}`;
}

function personOwner(person: Person, share: number | null): RealEstateOwner {
  return { name: person.name, idType: '居民身份证', idNumber: person.citizenId, share };
}

function unique(taken: Set<string>, make: () => string): string {
  let value = make();
  while (taken.has(value)) value = make();
  taken.add(value);
  return value;
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
