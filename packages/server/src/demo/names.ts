/** Personal names for demo customers. Chinese names carry pinyin so email addresses can be derived from them. */

export const CHINESE_SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['林', 'lin'], ['罗', 'luo'], ['高', 'gao'], ['郑', 'zheng'],
  ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'], ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'],
  ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'], ['萧', 'xiao'], ['田', 'tian'], ['董', 'dong'],
  ['潘', 'pan'], ['袁', 'yuan'], ['蒋', 'jiang'], ['蔡', 'cai'], ['余', 'yu'], ['杜', 'du'], ['叶', 'ye'],
]

/** Characters common in given names, by the gender they lean to (many are used for both). */
export const CHINESE_GIVEN_FEMALE: readonly (readonly [string, string])[] = [
  ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['婷', 'ting'], ['雪', 'xue'],
  ['琳', 'lin'], ['颖', 'ying'], ['欣', 'xin'], ['怡', 'yi'], ['萱', 'xuan'], ['梦', 'meng'], ['佳', 'jia'],
  ['晓', 'xiao'], ['慧', 'hui'], ['雅', 'ya'], ['思', 'si'], ['诗', 'shi'], ['悦', 'yue'], ['璐', 'lu'],
  ['露', 'lu'], ['倩', 'qian'], ['玲', 'ling'], ['洁', 'jie'], ['燕', 'yan'], ['雨', 'yu'], ['涵', 'han'],
]
export const CHINESE_GIVEN_MALE: readonly (readonly [string, string])[] = [
  ['伟', 'wei'], ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['杰', 'jie'],
  ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['浩', 'hao'], ['宇', 'yu'], ['鹏', 'peng'], ['辉', 'hui'],
  ['俊', 'jun'], ['博', 'bo'], ['文', 'wen'], ['志', 'zhi'], ['斌', 'bin'], ['建', 'jian'], ['华', 'hua'],
  ['晨', 'chen'], ['子', 'zi'], ['轩', 'xuan'], ['天', 'tian'], ['凯', 'kai'], ['铭', 'ming'], ['睿', 'rui'],
]

export const ENGLISH_FIRST_FEMALE: readonly string[] = [
  'Olivia', 'Emma', 'Amelia', 'Sophia', 'Isla', 'Charlotte', 'Ava', 'Mia', 'Grace', 'Emily', 'Chloe', 'Lucy',
  'Hannah', 'Sarah', 'Jessica', 'Laura', 'Rachel', 'Megan', 'Zoe', 'Ella', 'Harper', 'Abigail', 'Madison',
  'Natalie', 'Ruby', 'Freya', 'Alice', 'Evelyn', 'Victoria', 'Claire', 'Priya', 'Aisha', 'Mei', 'Sofia',
]
export const ENGLISH_FIRST_MALE: readonly string[] = [
  'Oliver', 'Jack', 'Harry', 'George', 'Noah', 'Liam', 'James', 'William', 'Thomas', 'Daniel', 'Samuel',
  'Benjamin', 'Lucas', 'Ethan', 'Henry', 'Alexander', 'Michael', 'David', 'Matthew', 'Ryan', 'Joshua', 'Adam',
  'Nathan', 'Owen', 'Leo', 'Oscar', 'Charlie', 'Arjun', 'Mohammed', 'Kevin', 'Andrew', 'Christopher',
]
export const ENGLISH_LAST: readonly string[] = [
  'Smith', 'Jones', 'Williams', 'Brown', 'Taylor', 'Davies', 'Wilson', 'Evans', 'Thomas', 'Johnson', 'Roberts',
  'Walker', 'Wright', 'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris',
  'Martin', 'Clarke', 'Jackson', 'Clark', 'Turner', 'Hill', 'Scott', 'Cooper', 'Morris', 'Ward', 'King',
  'Miller', 'Davis', 'Garcia', 'Rodriguez', 'Martinez', 'Anderson', 'Lee', 'Nguyen', 'Patel', 'Singh', 'Kim',
  'Murphy', 'Kelly', "O'Brien", 'Campbell', 'Stewart', 'MacDonald', 'Tremblay', 'Gagnon', 'Chen', 'Wong',
]

/** Mail domains under the reserved `.example` top-level domain (RFC 2606): plausible, never deliverable. */
export const CHINESE_MAIL_DOMAINS: readonly string[] = ['qq.example', '163.example', '126.example', 'sina.example', 'foxmail.example']
export const ENGLISH_MAIL_DOMAINS: readonly string[] = ['gmail.example', 'outlook.example', 'yahoo.example', 'icloud.example', 'hotmail.example']
