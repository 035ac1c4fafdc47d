/** Name and address parts for synthetic records: common, so no real person is singled out. */
export const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严武戴孔汤'];
export const MALE_GIVEN = [...'伟强磊军洋勇杰涛明超刚华建国志文斌宇浩然轩博俊晨鹏飞鑫峰辉'];
export const FEMALE_GIVEN = [...'芳娜秀英敏静丽艳娟霞平桂兰萍红玉欣怡涵婷雪琳慧颖佳倩梅'];

/** Weighted towards 汉族, which is about 91 % of the population. */
export const ETHNICITIES = ['汉族', '壮族', '回族', '满族', '维吾尔族', '苗族', '彝族', '土家族', '藏族', '蒙古族'] as const;

export const STREETS = ['人民路', '解放路', '建设路', '中山路', '和平路', '文化路', '新华路', '胜利路', '光明路', '长江路', '滨河路', '朝阳路'] as const;

/** Word stems for entity names: two characters, not taken from real companies. */
export const BRANDS = ['华信', '同创', '恒远', '宏达', '瑞丰', '启明', '鼎盛', '嘉和', '博远', '安泰', '联众', '兴业', '汇通', '永晟', '新禾', '星辰'] as const;

export type Industry = { word: string; shop: string; scope: string; food: boolean };

export const INDUSTRIES: readonly Industry[] = [
  { word: '科技', shop: '电脑维修部', scope: '技术开发、技术咨询、技术服务；软件开发；计算机系统服务', food: false },
  { word: '餐饮管理', shop: '小吃店', scope: '餐饮服务；食品销售', food: true },
  { word: '商贸', shop: '便利店', scope: '日用百货销售；食品销售；文具用品零售', food: true },
  { word: '建筑工程', shop: '装修队', scope: '建设工程施工；住宅室内装饰装修', food: false },
  { word: '物流', shop: '快递代办点', scope: '道路货物运输；仓储服务；国内货物运输代理', food: false },
  { word: '文化传媒', shop: '图文店', scope: '组织文化艺术交流活动；广告设计、代理；图文设计制作', food: false },
];
