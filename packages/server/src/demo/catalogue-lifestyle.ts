import { line, v } from './catalogue-types.ts'
import type { CategorySpec } from './catalogue-types.ts'

/** Sportswear, books, skincare, beauty and stationery of the demo catalogue. Brands and titles are invented. */

const sizes = [v('S', 'S码'), v('M', 'M码'), v('L', 'L码')]
const editions = [v('English edition', '英文版', 1, 'en'), v('Chinese edition', '中文版', 0.8, 'zh')]

export const SPORTSWEAR: CategorySpec = {
  key: 'sportswear', code: 'SPT', en: 'Sportswear', zh: '运动服饰', consumable: false,
  brands: ['Stride', 'Peak Motion', 'Aero'],
  searchEn: ['yoga mat', 'running shoes', 'leggings', 'sports bra', 'water bottle'],
  searchZh: ['瑜伽垫', '跑鞋', '瑜伽裤', '运动内衣', '运动水壶'],
  lines: [
    line('yoga-mat', 'Non-slip Yoga Mat', '防滑瑜伽垫', 129, 'TPE mat with alignment lines, 183 x 61 cm.', 'TPE材质，带体位线，183×61厘米。', [v('6 mm', '6毫米'), v('8 mm', '8毫米', 1.2)]),
    line('yoga-blocks', 'Cork Yoga Blocks', '软木瑜伽砖', 69, 'Natural cork blocks, pair.', '天然软木，两块装。', [v('Pair', '两块装')]),
    line('running-shoes', 'Cushioned Running Shoes', '缓震跑鞋', 499, 'Light foam midsole for daily training.', '轻量泡棉中底，日常训练。', [v('Black', '黑色'), v('White/Blue', '白蓝')]),
    line('leggings', 'High-waist Leggings', '高腰瑜伽裤', 159, 'Squat-proof, with a side pocket for the phone.', '深蹲不透，侧边口袋可放手机。', sizes),
    line('sports-bra', 'Medium Support Sports Bra', '中强度运动内衣', 129, 'Breathable, removable pads.', '透气面料，可拆卸胸垫。', sizes),
    line('tee', 'Quick-dry Training Tee', '速干训练T恤', 89, 'Light mesh fabric that wicks sweat.', '轻薄网眼面料，吸湿排汗。', sizes),
    line('shorts', 'Running Shorts', '跑步短裤', 99, 'With liner and a zip pocket.', '带内衬与拉链口袋。', sizes),
    line('socks', 'Cushioned Sports Socks', '运动毛巾袜', 39, 'Terry-loop soles, three pairs.', '毛圈袜底，三双装。', [v('3 pairs', '三双装'), v('6 pairs', '六双装', 1.8)]),
    line('resistance-bands', 'Resistance Bands Set', '弹力带套装', 59, 'Five fabric bands from light to heavy.', '五根布面弹力带，由轻到重。', [v('Set of 5', '五件套')]),
    line('sports-bottle', 'Sports Water Bottle 750 ml', '运动水壶 750毫升', 59, 'BPA-free bottle with a one-hand lid.', '不含BPA，单手开盖。', [v('Clear', '透明'), v('Frosted', '磨砂')]),
    line('foam-roller', 'Foam Roller', '泡沫轴', 79, 'Textured roller for recovery after runs, 33 cm.', '浮点泡沫轴，跑后放松，33厘米。', [v('33 cm', '33厘米')]),
    line('gym-bag', 'Gym Duffel Bag', '健身包', 189, 'Water-resistant bag with a shoe compartment.', '防泼水，独立鞋仓。', [v('Black', '黑色'), v('Olive', '橄榄绿')]),
    line('jump-rope', 'Speed Jump Rope', '竞速跳绳', 39, 'Ball-bearing handles and an adjustable steel cable.', '轴承手柄，钢丝绳长度可调。', [v('Standard', '标准款')]),
  ],
}

export const BOOKS: CategorySpec = {
  key: 'books', code: 'BOK', en: 'Books', zh: '图书', consumable: false,
  brands: ['Lighthouse Press', 'Bamboo Books', 'Riverside'],
  searchEn: ['book', 'cookbook', 'novel', 'language learning'],
  searchZh: ['图书', '菜谱', '小说', '学语言'],
  lines: [
    line('coffee-book', 'The Quiet Art of Coffee', '咖啡的安静艺术', 68, 'A barista’s guide to brewing at home, from beans to latte art.', '咖啡师写给家庭冲煮的指南，从选豆到拉花。', editions),
    line('tea-history', 'A Short History of Tea', '茶的简史', 58, 'How a leaf from Yunnan travelled the world.', '一片来自云南的叶子如何走向世界。', editions),
    line('cooking-for-one', 'Cooking for One', '一人食', 49, 'Eighty quick recipes for small kitchens.', '八十道适合小厨房的快手菜。', editions),
    line('python-guide', "A Beginner's Guide to Python", 'Python入门指南', 89, 'Learn to program by building small, useful tools.', '通过编写实用小工具学习编程。', editions),
    line('curious-kids', 'Raising Curious Kids', '培养好奇的孩子', 55, 'Everyday ideas for parents of children under six.', '写给六岁以下孩子父母的日常育儿方法。', editions),
    line('mindful-running', 'Mindful Running', '正念跑步', 52, 'Training plans and breathing for the joy of running.', '训练计划与呼吸方法，找回跑步的乐趣。', editions),
    line('cat-handbook', "The Cat Keeper's Handbook", '猫咪养护手册', 48, 'Food, health and play for indoor cats.', '室内猫的饮食、健康与玩耍。', editions),
    line('slow-living', 'Slow Living', '慢生活', 45, 'Essays on making a calm, simple home.', '关于打造平静简单之家的随笔。', editions),
    line('skin-science', 'The Science of Skincare', '护肤的科学', 62, 'What ingredients really do, explained by a dermatologist.', '皮肤科医生讲解成分的真实作用。', editions),
    line('bedtime-stories', 'Bedtime Stories for Little Ones', '宝宝睡前故事', 39, 'Thirty short illustrated stories.', '三十个带插图的短故事。', editions),
    line('mandarin', 'Mandarin for Beginners', '零基础学中文', 79, 'A course in spoken Chinese with audio.', '附音频的中文口语课程。', [v('', '', 1, 'en')]),
    line('english-idioms', 'English Idioms in Use', '英语习语活用', 69, 'Idioms with examples and exercises.', '习语讲解、例句与练习。', [v('', '', 1, 'zh')]),
  ],
}

export const SKINCARE: CategorySpec = {
  key: 'skincare', code: 'SKN', en: 'Skincare', zh: '护肤', consumable: true,
  brands: ['Dewy Lab', 'Pure Botanica', 'Moonlit'],
  searchEn: ['cleanser', 'toner', 'serum', 'moisturiser', 'sunscreen'],
  searchZh: ['洗面奶', '爽肤水', '精华', '面霜', '防晒'],
  lines: [
    line('cleanser', 'Amino Acid Gentle Cleanser', '氨基酸温和洁面乳', 89, 'Low-pH foam cleanser that leaves skin soft, 120 ml.', '弱酸性泡沫洁面，洗后不紧绷，120毫升。', [v('120 ml', '120毫升')]),
    line('toner', 'Hydrating Toner', '补水爽肤水', 119, 'Hyaluronic acid and panthenol toner, 200 ml.', '玻尿酸与泛醇，200毫升。', [v('200 ml', '200毫升')]),
    line('moisturiser', 'Barrier Repair Cream', '修护面霜', 169, 'Ceramide cream for dry and sensitive skin, 50 ml.', '神经酰胺修护，适合干敏肌，50毫升。', [v('Day', '日霜'), v('Night', '晚霜', 1.1)]),
    line('hyaluronic-serum', 'Hyaluronic Acid Serum', '玻尿酸精华液', 199, 'Three weights of hyaluronic acid for deep hydration, 30 ml.', '三重分子玻尿酸，深层补水，30毫升。', [v('30 ml', '30毫升')]),
    line('vitamin-c-serum', 'Vitamin C Brightening Serum', '维C亮肤精华', 229, 'Stable 15% vitamin C for an even tone, 30 ml.', '15%稳定维C，提亮均匀肤色，30毫升。', [v('30 ml', '30毫升')]),
    line('sunscreen', 'Daily Sunscreen SPF50+', '日常防晒乳 SPF50+', 129, 'Light, no white cast, water resistant.', '轻薄不泛白，防水防汗。', [v('50 ml', '50毫升'), v('Tinted 50 ml', '带色款50毫升', 1.1)]),
    line('sheet-masks', 'Hydrating Sheet Masks', '补水面膜', 99, 'Cupro sheet masks soaked in essence, ten pieces.', '铜氨丝膜布，精华饱满，十片装。', [v('10 pieces', '10片'), v('30 pieces', '30片', 2.6)]),
    line('eye-cream', 'Peptide Eye Cream', '多肽眼霜', 189, 'Peptides and caffeine for puffiness and fine lines, 15 ml.', '多肽与咖啡因，改善浮肿和细纹，15毫升。', [v('15 ml', '15毫升')]),
    line('cotton-pads', 'Cotton Pads', '化妆棉', 19, 'Soft, lint-free pads, 200 pieces.', '柔软不掉絮，200片。', [v('200 pieces', '200片'), v('600 pieces', '600片', 2.7)]),
    line('micellar-water', 'Micellar Cleansing Water', '卸妆水', 79, 'Removes make-up and sunscreen without rubbing, 400 ml.', '无需用力擦拭即可卸除彩妆和防晒，400毫升。', [v('400 ml', '400毫升')]),
    line('retinol-serum', 'Gentle Retinol Night Serum', '温和视黄醇晚间精华', 219, 'Encapsulated 0.2% retinol for smoother skin with less irritation, 30 ml.', '0.2%包裹型视黄醇，刺激小，改善肤质，30毫升。', [v('30 ml', '30毫升')]),
    line('clay-mask', 'Green Clay Mask', '绿泥清洁面膜', 89, 'Kaolin and green clay draw out oil from pores, 100 g.', '高岭土与绿泥吸附毛孔油脂，100克。', [v('100 g', '100克')]),
    line('lip-balm', 'Nourishing Lip Balm', '滋润润唇膏', 35, 'Shea butter and vitamin E for chapped lips.', '乳木果油与维生素E，改善唇部干裂。', [v('Original', '原味'), v('Honey', '蜂蜜味')]),
    line('body-lotion', 'Shea Body Lotion 400 ml', '乳木果身体乳 400毫升', 99, 'Rich lotion that absorbs quickly and keeps skin soft all day.', '质地滋润，吸收快，全天柔软。', [v('Unscented', '无香'), v('Lavender', '薰衣草')]),
    line('hand-cream', 'Hand Cream Trio', '护手霜三支装', 69, 'Three travel tubes in osmanthus, tea and fig.', '桂花、茶香、无花果三支旅行装。', [v('Set of 3', '三支装')]),
  ],
}

export const BEAUTY: CategorySpec = {
  key: 'beauty', code: 'BTY', en: 'Beauty & Makeup', zh: '美妆', consumable: true,
  brands: ['Blush Theory', 'Velvet Rouge', 'Petal'],
  searchEn: ['lipstick', 'foundation', 'mascara', 'eyeshadow', 'makeup brush'],
  searchZh: ['口红', '粉底', '睫毛膏', '眼影', '化妆刷'],
  lines: [
    line('lipstick', 'Velvet Matte Lipstick', '丝绒哑光口红', 139, 'Creamy matte finish that lasts eight hours.', '奶油哑光质地，持妆八小时。', [v('Ruby Red', '正红色'), v('Rose Nude', '豆沙色'), v('Coral', '珊瑚色')]),
    line('cushion', 'Cushion Foundation', '气垫粉底', 189, 'Light coverage with SPF35, refill included.', '轻薄遮瑕，SPF35，附替换装。', [v('01 Ivory', '01象牙白'), v('02 Natural', '02自然色')]),
    line('mascara', 'Lengthening Mascara', '纤长睫毛膏', 99, 'Smudge-proof, removes with warm water.', '防晕染，温水可卸。', [v('Black', '黑色')]),
    line('eyeshadow', 'Eyeshadow Palette', '眼影盘', 169, 'Twelve everyday shades, matte and shimmer.', '十二色日常眼影，哑光与珠光。', [v('Warm Nudes', '暖调大地色'), v('Rose Gold', '玫瑰金')]),
    line('brow-pencil', 'Ultra-fine Brow Pencil', '极细眉笔', 59, 'A 1.5 mm tip for natural hair-like strokes.', '1.5毫米笔尖，画出根根分明的眉毛。', [v('Dark Brown', '深棕'), v('Grey Brown', '灰棕')]),
    line('brush-set', 'Makeup Brush Set', '化妆刷套装', 129, 'Ten soft synthetic brushes in a travel roll.', '十支柔软纤维刷，附旅行收纳包。', [v('Set of 10', '10支装')]),
    line('sponge', 'Makeup Blending Sponge', '美妆蛋', 29, 'Latex-free sponge that bounces when damp, two pieces.', '无乳胶，遇水变大，两只装。', [v('2 pieces', '两只装')]),
    line('setting-spray', 'Setting Spray', '定妆喷雾', 109, 'Fine mist that keeps make-up in place all day.', '细腻喷雾，全天定妆。', [v('100 ml', '100毫升')]),
    line('nail-polish', 'Gel-effect Nail Polish', '仿甲油胶指甲油', 49, 'High-shine colour without a UV lamp.', '无需光疗灯，高光泽。', [v('Cherry', '樱桃红'), v('Milky Pink', '奶粉色'), v('Navy', '藏青')]),
    line('hair-oil', 'Argan Hair Oil', '摩洛哥护发精油', 119, 'Tames frizz and adds shine, 100 ml.', '抚平毛躁，增加光泽，100毫升。', [v('100 ml', '100毫升')]),
    line('blush', 'Cream Blush', '腮红膏', 89, 'Blends with fingertips for a natural flush.', '指腹轻拍即可晕开，自然好气色。', [v('Peach', '蜜桃色'), v('Rose', '玫瑰色')]),
    line('concealer', 'Full-cover Concealer', '遮瑕液', 99, 'Covers dark circles and spots without creasing.', '遮盖黑眼圈与斑点，不卡纹。', [v('Light', '亮色'), v('Medium', '自然色')]),
    line('lip-tint', 'Water Lip Tint', '水光唇釉', 79, 'Glossy tint that stains lightly for a fresh look.', '水光质地，轻薄染唇。', [v('Cherry', '樱桃色'), v('Peach', '蜜桃色')]),
    line('eyeliner', 'Waterproof Liquid Eyeliner', '防水眼线液笔', 69, 'Fine felt tip, smudge-proof for 24 hours.', '极细软头，24小时不晕染。', [v('Black', '黑色')]),
    line('perfume', 'Eau de Parfum 50 ml', '香水 50毫升', 399, 'A soft, lasting scent in a weighted glass bottle.', '柔和持久的香氛，厚底玻璃瓶。', [v('White Tea', '白茶'), v('Osmanthus', '桂花')]),
  ],
}

export const STATIONERY: CategorySpec = {
  key: 'stationery', code: 'STA', en: 'Stationery', zh: '文具', consumable: true,
  brands: ['Inkwell', 'Paper Crane', 'Grid & Dot'],
  searchEn: ['notebook', 'gel pen', 'fountain pen', 'planner', 'washi tape'],
  searchZh: ['笔记本', '中性笔', '钢笔', '手账', '和纸胶带'],
  lines: [
    line('notebook', 'Dotted Notebook A5', 'A5点阵笔记本', 45, '160 pages of 100 gsm paper that resists bleed-through.', '160页100克纸，不易洇墨。', [v('Black', '黑色'), v('Sage', '灰绿'), v('Terracotta', '陶土色')]),
    line('gel-pens', 'Gel Pens 0.5 mm', '0.5毫米中性笔', 29, 'Quick-drying ink, smooth on any paper.', '速干墨水，书写顺滑。', [v('Black x 12', '黑色12支'), v('Mixed colours x 12', '彩色12支', 1.2)]),
    line('fountain-pen', 'Fountain Pen', '钢笔', 129, 'Steel nib, converter included.', '钢制笔尖，附上墨器。', [v('Fine nib', '细尖'), v('Medium nib', '中尖')]),
    line('ink', 'Bottled Fountain Pen Ink 50 ml', '钢笔墨水 50毫升', 49, 'Water-based ink that flows well and cleans easily.', '水性墨水，出墨顺畅，易清洗。', [v('Blue-black', '蓝黑'), v('Black', '黑色')]),
    line('highlighters', 'Pastel Highlighters', '莫兰迪荧光笔', 25, 'Soft colours with a chisel tip, set of six.', '柔和色系，斜头，六支装。', [v('Set of 6', '六支装')]),
    line('washi', 'Washi Tape Set', '和纸胶带套装', 35, 'Twelve rolls of patterned tape for journals.', '十二卷手账装饰胶带。', [v('Botanical', '植物系'), v('Geometric', '几何系')]),
    line('planner', 'Undated Weekly Planner', '无日期周计划本', 59, 'Week-on-two-pages planner with habit trackers.', '一周两页，带习惯打卡。', [v('A5', 'A5')]),
    line('sticky-notes', 'Sticky Notes', '便利贴', 15, 'Strong-hold notes, six pads.', '强力粘贴，六本装。', [v('Set of 6', '六本装')]),
    line('pencil-case', 'Canvas Pencil Case', '帆布笔袋', 39, 'Roomy zip case with an inner pocket.', '大容量拉链笔袋，带内袋。', [v('Grey', '灰色'), v('Beige', '米色')]),
    line('brush-pen', 'Calligraphy Brush Pens', '书法软笔', 45, 'Refillable brush pens for Chinese and Western lettering.', '可换墨囊，适合中文书法与英文花体。', [v('Set of 3', '三支装')]),
    line('sketchbook', 'Sketchbook', '素描本', 39, 'Heavy 160 gsm paper for pencil, ink and marker.', '160克厚纸，适合铅笔、墨水与马克笔。', [v('A5', 'A5'), v('A4', 'A4', 1.4)]),
    line('mechanical-pencil', 'Metal Mechanical Pencil', '金属自动铅笔', 59, 'Low centre of gravity and a lead that does not break.', '低重心设计，不易断芯。', [v('0.5 mm', '0.5毫米'), v('0.7 mm', '0.7毫米')]),
    line('desk-organiser', 'Desk Organiser', '桌面收纳盒', 79, 'Wooden organiser with drawers and pen slots.', '实木收纳盒，带抽屉和笔插。', [v('Walnut', '胡桃色')]),
    line('letter-set', 'Letter Paper Set', '信纸信封套装', 29, 'Twenty sheets and ten envelopes of cotton paper.', '棉纸信纸二十张，信封十个。', [v('Set', '套装')]),
  ],
}
