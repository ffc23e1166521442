import { line, v } from './catalogue-types.ts'
import type { CategorySpec } from './catalogue-types.ts'

/** Food and drink, baby and pet categories of the demo catalogue. Brands are invented. */

const grams = (a: string, b: string, f: number) => [v(a, a.replace('g', '克').replace('k克', '公斤')), v(b, b.replace('g', '克').replace('k克', '公斤'), f)]

export const COFFEE_TEA: CategorySpec = {
  key: 'coffee-tea', code: 'COF', en: 'Coffee & Tea', zh: '咖啡茶饮', consumable: true,
  brands: ['Misty Peak', 'Roastery 1898', 'Jade Leaf', 'Harbour & Hill'],
  searchEn: ['coffee beans', 'green tea', 'oolong', 'drip coffee', 'filter paper', 'matcha'],
  searchZh: ['咖啡豆', '绿茶', '乌龙茶', '挂耳咖啡', '滤纸', '抹茶'],
  lines: [
    line('yunnan-beans', 'Yunnan Arabica Beans', '云南阿拉比卡咖啡豆', 68, "Medium roast from Pu'er, Yunnan, grown at 1,600 m; notes of brown sugar and orange peel.", '产自云南普洱海拔1600米，中度烘焙，带有红糖与橙皮风味。', [v('500g', '500克'), v('250g', '250克', 0.55), v('1kg', '1公斤', 1.8)]),
    line('yirgacheffe-beans', 'Ethiopia Yirgacheffe Beans', '埃塞俄比亚耶加雪菲咖啡豆', 88, 'Light roast, washed process; jasmine and lemon with a bright acidity.', '浅度烘焙，水洗处理，茉莉花与柠檬香气，酸质明亮。', grams('250g', '500g', 1.8)),
    line('espresso-blend', 'Dark Espresso Blend Beans', '深烘意式拼配咖啡豆', 58, 'Dark roast blend made for espresso and milk drinks; cocoa and caramel.', '为意式浓缩和拿铁调配的深烘拼配豆，可可与焦糖风味。', grams('500g', '1kg', 1.85)),
    line('drip-bags', 'Drip Coffee Bags', '挂耳咖啡', 45, 'Single-serve pour-over bags, ready in three minutes with hot water.', '单杯挂耳包，热水冲泡三分钟即可享用。', [v('10 bags', '10包'), v('30 bags', '30包', 2.6)]),
    line('cold-brew', 'Cold Brew Coffee Packs', '冷萃咖啡包', 39, 'Steep overnight in cold water for a smooth, low-acid coffee.', '冷水浸泡一夜，口感顺滑，酸度低。', [v('8 packs', '8袋'), v('24 packs', '24袋', 2.7)]),
    line('v60-filters', 'Cone Paper Filters', '锥形咖啡滤纸', 19, 'Unbleached paper filters for V60-style drippers, size 02.', '原木浆无漂白滤纸，适配V60型滤杯（02号）。', [v('100 sheets', '100张'), v('300 sheets', '300张', 2.5)]),
    line('longjing', 'West Lake Longjing Green Tea', '西湖龙井绿茶', 168, 'Picked before Qingming near Hangzhou and pan-fired by hand; a chestnut aroma.', '杭州明前采摘，手工炒制，豆栗香明显。', grams('100g', '250g', 2.3)),
    line('tieguanyin', 'Anxi Tieguanyin Oolong', '安溪铁观音乌龙茶', 98, 'Lightly oxidised oolong from Fujian with an orchid fragrance that lasts many infusions.', '福建安溪清香型乌龙，兰花香，耐冲泡。', grams('150g', '300g', 1.9)),
    line('puer-cake', "Yunnan Pu'er Tea Cake 357g", '云南普洱茶饼 357克', 128, 'A pressed cake from old tea trees in Menghai, wrapped in cotton paper.', '勐海古树茶压制，棉纸包装。', [v('Ripe', '熟茶'), v('Raw', '生茶', 1.2)]),
    line('jasmine-pearls', 'Jasmine Dragon Pearls', '茉莉龙珠', 78, 'Hand-rolled green tea scented with fresh jasmine blossoms seven times.', '手工揉捻成珠，以鲜茉莉花七次窨制。', grams('100g', '250g', 2.2)),
    line('earl-grey', 'Earl Grey Tea Bags', '伯爵红茶包', 35, 'Ceylon black tea with natural bergamot oil, in plastic-free bags.', '斯里兰卡红茶配天然佛手柑油，无塑茶包。', [v('25 bags', '25包'), v('50 bags', '50包', 1.8)]),
    line('matcha', 'Ceremonial Matcha Powder', '礼仪级抹茶粉', 88, 'Stone-ground first-flush matcha, vivid green and smooth.', '石磨头采抹茶，色泽翠绿，口感顺滑。', grams('30g', '100g', 2.9)),
  ],
}

export const SNACKS: CategorySpec = {
  key: 'snacks', code: 'SNK', en: 'Snacks', zh: '休闲零食', consumable: true,
  brands: ['Golden Harvest', 'Crunchy Cloud', 'Little Bee'],
  searchEn: ['nuts', 'snacks', 'chocolate', 'jerky', 'granola bar'],
  searchZh: ['坚果', '零食', '巧克力', '牛肉干', '能量棒'],
  lines: [
    line('mixed-nuts', 'Daily Mixed Nuts', '每日坚果', 79, 'Cashews, almonds, walnuts and dried berries in single-day packs.', '腰果、巴旦木、核桃与果干，每日一小包。', [v('15 packs', '15袋'), v('30 packs', '30袋', 1.9)]),
    line('dried-mango', 'Dried Mango Slices', '芒果干', 29, 'Thick-cut mango from Hainan, dried without added sugar.', '海南芒果厚切，无额外添加糖。', grams('200g', '500g', 2.2)),
    line('beef-jerky', 'Beef Jerky', '牛肉干', 49, 'Air-dried strips of grass-fed beef, chewy and full of flavour.', '草饲牛肉风干制成，有嚼劲，味道浓郁。', [v('Spicy', '麻辣'), v('Five-spice', '五香')]),
    line('seaweed', 'Crispy Seaweed Snacks', '海苔脆片', 25, 'Roasted seaweed sheets with sesame, light and crunchy.', '芝麻烤海苔，轻薄香脆。', [v('12 packs', '12包'), v('36 packs', '36包', 2.7)]),
    line('sunflower-seeds', 'Caramel Sunflower Seeds', '焦糖瓜子', 19, 'Slow-roasted seeds with a caramel coating, easy to crack.', '慢火烘烤，焦糖风味，好嗑不脏手。', grams('500g', '1kg', 1.8)),
    line('dark-chocolate', '70% Dark Chocolate', '70%黑巧克力', 22, 'Single-origin cacao from Ecuador; fruity with a clean finish.', '厄瓜多尔单一产地可可，果香明显，余味干净。', [v('Bar', '单块'), v('Box of 6', '6块装', 5.2)]),
    line('oat-bars', 'Oat & Honey Granola Bars', '燕麦蜂蜜能量棒', 36, 'Whole oats, honey and almonds: a breakfast or gym snack.', '全谷燕麦、蜂蜜与杏仁，早餐或运动加餐。', [v('12 bars', '12根'), v('24 bars', '24根', 1.9)]),
    line('matcha-cookies', 'Matcha Butter Cookies', '抹茶黄油曲奇', 42, 'Crisp butter cookies with Uji matcha, in a gift tin.', '宇治抹茶黄油曲奇，酥脆，礼盒装。', [v('Tin', '铁盒装')]),
    line('hot-pot', 'Self-heating Hot Pot', '自热小火锅', 32, 'Sichuan-style hot pot that heats itself in fifteen minutes.', '川味自热火锅，十五分钟即食。', [v('Beef', '牛肉'), v('Vegetable', '素食', 0.85)]),
    line('pistachios', 'Salted Pistachios', '盐焗开心果', 45, 'Naturally opened pistachios, lightly salted.', '自然开口，轻盐烘焙。', grams('250g', '500g', 1.85)),
    line('honey', 'Wildflower Honey', '百花蜂蜜', 58, 'Raw honey from mountain wildflowers, unfiltered.', '山区百花原蜜，未经过滤。', [v('500g', '500克')]),
    line('walnuts', 'Paper-shell Walnuts', '纸皮核桃', 39, 'Xinjiang walnuts that crack open by hand.', '新疆纸皮核桃，徒手可捏开。', [v('500g', '500克'), v('1kg', '1公斤', 1.8)]),
    line('spicy-strips', 'Spicy Gluten Strips', '辣条', 15, 'A classic chilli snack from Hunan.', '湖南经典麻辣小吃。', [v('Pack of 20', '20包')]),
    line('egg-rolls', 'Crispy Egg Rolls', '鸡蛋卷', 29, 'Thin butter-egg rolls baked the Macau way.', '澳门风味，薄脆黄油蛋卷。', [v('Tin', '罐装')]),
    line('mooncakes', 'Mooncake Gift Box', '月饼礼盒', 168, 'Six baked mooncakes in a gift box.', '六枚装烘焙月饼礼盒。', [v('Lotus seed', '莲蓉'), v('Red bean', '红豆')]),
  ],
}

export const BABY: CategorySpec = {
  key: 'baby', code: 'BBY', en: 'Baby', zh: '母婴用品', consumable: true,
  brands: ['Little Sprout', 'Bubu', 'Cloud Nine Baby'],
  searchEn: ['diapers', 'baby wipes', 'baby bottle', 'formula'],
  searchZh: ['纸尿裤', '婴儿湿巾', '奶瓶', '奶粉'],
  lines: [
    line('diapers', 'Ultra-thin Diapers', '超薄纸尿裤', 129, 'Breathable diapers with a 12-hour leak guard.', '透气超薄，12小时防漏。', [v('Size M', 'M码'), v('Size S', 'S码'), v('Size L', 'L码'), v('Size XL', 'XL码', 1.05)]),
    line('wipes', 'Gentle Baby Wipes', '婴儿柔湿巾', 39, 'Fragrance-free water wipes, 99% purified water.', '无香型，99%纯水湿巾。', [v('80 x 3', '80抽×3包'), v('80 x 10', '80抽×10包', 3.1)]),
    line('formula', 'Infant Formula', '婴儿配方奶粉', 268, 'Milk formula with DHA and lactoferrin, 800 g can.', '含DHA与乳铁蛋白，800克罐装。', [v('Stage 1', '1段'), v('Stage 2', '2段'), v('Stage 3', '3段', 0.95)]),
    line('bottle', 'Anti-colic Baby Bottle', '防胀气奶瓶', 89, 'Wide-neck PPSU bottle with an anti-colic valve.', '宽口径PPSU材质，防胀气阀门。', [v('160 ml', '160毫升'), v('240 ml', '240毫升', 1.1)]),
    line('baby-lotion', 'Baby Moisturising Lotion', '婴儿润肤乳', 59, 'A light lotion with oat extract for sensitive skin.', '含燕麦精华，温和适合敏感肌。', [v('200 ml', '200毫升')]),
    line('swaddle', 'Muslin Swaddle Blankets', '纱布襁褓包巾', 99, 'Breathable cotton muslin, pack of three.', '透气棉纱布，三条装。', [v('Pack of 3', '三条装')]),
    line('teether', 'Silicone Teething Ring', '硅胶牙胶', 29, 'Food-grade silicone, safe to chill in the fridge.', '食品级硅胶，可冷藏使用。', [v('Bear', '小熊'), v('Star', '星星')]),
    line('sippy-cup', 'Spill-proof Sippy Cup', '防漏学饮杯', 49, 'Weighted straw cup for toddlers learning to drink.', '重力球吸管杯，宝宝学饮。', [v('250 ml', '250毫升')]),
    line('bibs', 'Waterproof Bibs', '防水围兜', 35, 'Soft silicone bibs with a crumb catcher, set of two.', '软硅胶立体围兜，两件装。', [v('Set of 2', '两件装')]),
    line('bath-tub', 'Foldable Baby Bath Tub', '折叠婴儿浴盆', 159, 'Folds flat for storage, with a temperature sensor plug.', '可折叠收纳，带温感塞。', [v('Standard', '标准款')]),
    line('baby-carrier', 'Ergonomic Baby Carrier', '人体工学婴儿背带', 329, 'Hip-seat carrier with four carrying positions.', '腰凳式背带，四种背法。', [v('Grey', '灰色')]),
    line('nursing-pads', 'Disposable Nursing Pads', '一次性防溢乳垫', 49, 'Ultra-thin and absorbent, 100 pieces.', '超薄吸收，100片。', [v('100 pieces', '100片')]),
    line('baby-wash', 'Tear-free Baby Wash', '婴儿洗发沐浴二合一', 55, 'Two-in-one shampoo and body wash, 400 ml.', '洗发沐浴二合一，400毫升。', [v('400 ml', '400毫升')]),
    line('baby-monitor', 'Video Baby Monitor', '婴儿看护器', 499, 'Night vision camera with a 5-inch parent screen.', '夜视摄像头，5英寸家长屏。', [v('Standard', '标准款')]),
    line('rattle', 'Wooden Rattle Set', '木质摇铃套装', 69, 'Beech wood rattles, set of four.', '榉木摇铃，四件套。', [v('Set of 4', '四件套')]),
  ],
}

export const PET: CategorySpec = {
  key: 'pet', code: 'PET', en: 'Pet Supplies', zh: '宠物用品', consumable: true,
  brands: ['Happy Paws', 'Meow & Co', 'Barkley'],
  searchEn: ['dog food', 'cat food', 'cat litter', 'dog treats', 'pet toy'],
  searchZh: ['狗粮', '猫粮', '猫砂', '狗零食', '宠物玩具'],
  lines: [
    line('dog-food', 'Grain-free Dog Food', '无谷狗粮', 139, 'High-protein kibble for adult dogs of all sizes.', '高蛋白配方，适合各体型成犬。', [v('Chicken 2kg', '鸡肉味2公斤'), v('Salmon 2kg', '三文鱼味2公斤', 1.15), v('Chicken 10kg', '鸡肉味10公斤', 4.2)]),
    line('cat-food', 'Grain-free Cat Food', '无谷猫粮', 119, 'Complete food for adult cats with taurine and fish oil.', '全价成猫粮，添加牛磺酸与鱼油。', [v('Chicken 1.5kg', '鸡肉味1.5公斤'), v('Tuna 1.5kg', '金枪鱼味1.5公斤', 1.1), v('Chicken 5kg', '鸡肉味5公斤', 2.9)]),
    line('cat-litter', 'Tofu Cat Litter', '豆腐猫砂', 49, 'Clumps fast, low dust, flushable.', '结团快，低粉尘，可冲厕所。', [v('6L', '6升'), v('6L x 4', '6升×4袋', 3.6)]),
    line('dog-treats', 'Dog Training Treats', '狗狗训练零食', 35, 'Soft bite-size treats made from real chicken.', '真鸡肉软粒，适合训练奖励。', [v('200g', '200克'), v('500g', '500克', 2.2)]),
    line('cat-treats', 'Freeze-dried Chicken Cat Treats', '冻干鸡肉猫零食', 45, 'Single-ingredient freeze-dried chicken breast.', '单一成分冻干鸡胸肉。', [v('100g', '100克')]),
    line('scratching-post', 'Sisal Scratching Post', '剑麻猫抓柱', 89, 'Tall sisal post with a plush perch on top.', '高剑麻柱，顶部毛绒平台。', [v('60 cm', '60厘米'), v('90 cm', '90厘米', 1.5)]),
    line('leash', 'Reflective Dog Leash', '反光牵引绳', 59, 'Padded handle and reflective stitching for night walks.', '软垫手柄，反光缝线，夜间遛狗更安全。', [v('1.5 m', '1.5米')]),
    line('pet-shampoo', 'Oatmeal Pet Shampoo', '燕麦宠物沐浴露', 49, 'Soothing shampoo for itchy or dry skin.', '舒缓瘙痒与干燥皮肤。', [v('500 ml', '500毫升')]),
    line('chew-toy', 'Rubber Chew Toy', '耐咬橡胶玩具', 39, 'Tough natural rubber toy that can be filled with treats.', '天然橡胶，耐咬，可填充零食。', [v('Medium', '中号'), v('Large', '大号', 1.3)]),
    line('pet-bed', 'Calming Donut Pet Bed', '安抚甜甜圈宠物窝', 129, 'Round plush bed with a raised rim to rest the head.', '圆形毛绒窝，高边缘可枕头。', [v('Medium', '中号'), v('Large', '大号', 1.4)]),
    line('wet-cat-food', 'Wet Cat Food Pouches 12 x 85 g', '猫湿粮餐包 12×85克', 59, 'Chunks in gravy, complete food for adult cats.', '肉块浇汁，成猫全价湿粮。', [v('Tuna', '金枪鱼'), v('Chicken', '鸡肉')]),
    line('pet-fountain', 'Pet Water Fountain 2L', '宠物饮水机 2升', 149, 'Filtered running water that encourages pets to drink.', '过滤循环活水，鼓励宠物多喝水。', [v('White', '白色')]),
    line('poop-bags', 'Dog Waste Bags', '狗狗拾便袋', 25, 'Thick, leak-proof, compostable bags.', '加厚防漏，可降解。', [v('8 rolls', '8卷'), v('24 rolls', '24卷', 2.6)]),
    line('cat-wand', 'Feather Teaser Wand', '逗猫棒', 19, 'Spring-loaded wand with three spare feathers.', '弹性杆，附三个替换羽毛。', [v('Standard', '标准款')]),
    line('deshedding-brush', 'Deshedding Brush', '宠物去浮毛梳', 69, 'Removes loose undercoat with a self-cleaning button.', '去除浮毛，一键清理。', [v('Standard', '标准款')]),
  ],
}
