/**
 * County-level 行政区划 (GB/T 2260) used for addresses, citizen ID address
 * codes and credit code registration authorities. Real division names are
 * fine for synthetic data; the list includes the divisions of the
 * identifiers.md test vectors (110105, 440305, 110108, 440300, 310000).
 */
export type Region = {
  /** 6-digit county-level code. */
  code: string;
  /** City-level code (registration authority of city-level bodies). */
  cityCode: string;
  province: string;
  /** Same as province for 直辖市. */
  city: string;
  district: string;
};

const r = (code: string, province: string, city: string, district: string): Region => ({
  code,
  cityCode: `${code.slice(0, 4)}00`,
  province,
  city,
  district,
});

export const REGIONS: readonly Region[] = [
  r('110101', '北京市', '北京市', '东城区'),
  r('110105', '北京市', '北京市', '朝阳区'),
  r('110108', '北京市', '北京市', '海淀区'),
  r('120101', '天津市', '天津市', '和平区'),
  r('310101', '上海市', '上海市', '黄浦区'),
  r('310115', '上海市', '上海市', '浦东新区'),
  r('320102', '江苏省', '南京市', '玄武区'),
  r('330106', '浙江省', '杭州市', '西湖区'),
  r('350102', '福建省', '福州市', '鼓楼区'),
  r('370102', '山东省', '济南市', '历下区'),
  r('410105', '河南省', '郑州市', '金水区'),
  r('420106', '湖北省', '武汉市', '武昌区'),
  r('430104', '湖南省', '长沙市', '岳麓区'),
  r('440106', '广东省', '广州市', '天河区'),
  r('440305', '广东省', '深圳市', '南山区'),
  r('500103', '重庆市', '重庆市', '渝中区'),
  r('510107', '四川省', '成都市', '武侯区'),
  r('610113', '陕西省', '西安市', '雁塔区'),
];

export function regionByCode(code: string): Region {
  const region = REGIONS.find((candidate) => candidate.code === code);
  if (!region) throw new Error(`unknown demo region ${code}`);
  return region;
}

/** "广东省深圳市南山区", without repeating the province of a 直辖市. */
export function regionName(region: Region): string {
  const head = region.province === region.city ? region.city : `${region.province}${region.city}`;
  return `${head}${region.district}`;
}
