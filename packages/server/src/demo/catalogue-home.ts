import { line, v } from './catalogue-types.ts'
import type { CategorySpec } from './catalogue-types.ts'

/** Kitchen, home textiles and electronics accessories of the demo catalogue. Brands are invented. */

const colours = (...pairs: [string, string][]) => pairs.map(([en, zh]) => v(en, zh))

export const KITCHEN: CategorySpec = {
  key: 'kitchen', code: 'KIT', en: 'Kitchen', zh: '厨房用品', consumable: false,
  brands: ['Hearth & Co', 'Little Chef', 'Panpan'],
  searchEn: ['kettle', 'coffee grinder', 'frying pan', 'knife', 'storage box'],
  searchZh: ['手冲壶', '磨豆机', '平底锅', '菜刀', '保鲜盒'],
  lines: [
    line('gooseneck-kettle', 'Gooseneck Pour-over Kettle', '细口手冲壶', 189, 'Stainless steel kettle with a thin spout for a steady pour, 600 ml.', '不锈钢细长壶嘴，水流稳定，容量600毫升。', colours(['Silver', '银色'], ['Matte Black', '哑光黑'])),
    line('ceramic-dripper', 'Ceramic Coffee Dripper', '陶瓷咖啡滤杯', 59, 'A cone dripper with spiral ribs, size 02.', '螺旋纹锥形滤杯，02号。', colours(['White', '白色'], ['Black', '黑色'])),
    line('hand-grinder', 'Hand Coffee Grinder', '手摇磨豆机', 229, 'Stainless steel burrs with 30 grind settings.', '不锈钢磨芯，30档粗细可调。', [v('Standard', '标准款')]),
    line('french-press', 'French Press', '法压壶', 99, 'Borosilicate glass with a four-layer steel filter.', '高硼硅玻璃，四层钢滤网。', [v('600 ml', '600毫升'), v('1 L', '1升', 1.3)]),
    line('cast-iron-pan', 'Cast Iron Skillet', '铸铁平底锅', 199, 'Pre-seasoned cast iron that goes from hob to oven.', '预开锅铸铁，可上灶可进烤箱。', [v('24 cm', '24厘米'), v('28 cm', '28厘米', 1.3)]),
    line('wok', 'Carbon Steel Wok', '碳钢炒锅', 259, 'Hand-hammered wok with a wooden handle, 32 cm.', '手工锻打，木柄，32厘米。', [v('32 cm', '32厘米')]),
    line('chef-knife', "Chef's Knife 20 cm", '主厨刀 20厘米', 189, 'German steel blade, balanced and easy to sharpen.', '德国钢刀身，重心均衡，易于打磨。', [v('Standard', '标准款')]),
    line('cutting-board', 'Bamboo Cutting Board', '竹制砧板', 69, 'One-piece bamboo board with a juice groove.', '整竹砧板，带导流槽。', [v('Medium', '中号'), v('Large', '大号', 1.4)]),
    line('glass-containers', 'Glass Food Containers', '玻璃保鲜盒', 89, 'Oven-safe glass boxes with snap-lock lids.', '可入烤箱的玻璃保鲜盒，四扣密封盖。', [v('Set of 5', '5件套'), v('Set of 10', '10件套', 1.8)]),
    line('rice-cooker', 'Smart Rice Cooker 3L', '智能电饭煲 3升', 399, 'Induction heating with programmes for rice, porridge and steaming.', 'IH电磁加热，煮饭、煲粥、蒸煮多种程序。', [v('White', '白色')]),
    line('milk-frother', 'Electric Milk Frother', '电动奶泡器', 79, 'Makes hot or cold foam for lattes in a minute.', '一分钟打出冷热奶泡，做拿铁必备。', [v('Standard', '标准款')]),
    line('thermos', 'Vacuum Insulated Bottle', '真空保温杯', 129, 'Keeps drinks hot for 12 hours, 500 ml.', '12小时保温，容量500毫升。', colours(['Navy', '藏青'], ['Sage', '灰绿'], ['Cream', '奶白'])),
    line('coffee-scale', 'Coffee Scale with Timer', '咖啡电子秤（带计时）', 99, 'Weighs to 0.1 g with a built-in brew timer.', '精度0.1克，内置冲煮计时。', [v('Black', '黑色')]),
    line('glass-teapot', 'Glass Teapot with Infuser', '玻璃泡茶壶（带滤网）', 89, 'Heat-proof glass teapot with a steel infuser, 800 ml.', '耐热玻璃壶配不锈钢滤网，800毫升。', [v('800 ml', '800毫升')]),
    line('gaiwan', 'Porcelain Gaiwan Set', '白瓷盖碗套装', 129, 'A lidded bowl, fair cup and four cups for gongfu tea.', '盖碗、公道杯与四只品茗杯，功夫茶套装。', [v('White', '白瓷'), v('Celadon', '青瓷', 1.3)]),
    line('mugs', 'Stoneware Mugs', '粗陶马克杯', 79, 'Hand-glazed mugs, pair, 350 ml.', '手工施釉，两只装，350毫升。', [v('Speckled', '斑点釉'), v('Blue', '蓝釉')]),
  ],
}

export const HOME_TEXTILES: CategorySpec = {
  key: 'home-textiles', code: 'TEX', en: 'Home Textiles', zh: '家纺', consumable: false,
  brands: ['Cotton Field', 'Sleepwell', 'Linen Lane'],
  searchEn: ['bed sheets', 'pillow', 'duvet', 'towels', 'blanket'],
  searchZh: ['床单', '枕头', '被子', '毛巾', '毯子'],
  lines: [
    line('bedsheets', 'Cotton Sateen Sheet Set', '纯棉贡缎床品四件套', 399, '400-thread-count long-staple cotton, soft and breathable.', '400支长绒棉，柔软透气。', [v('Queen', '1.5米'), v('King', '1.8米', 1.2)]),
    line('pillow', 'Memory Foam Pillow', '记忆棉枕头', 159, 'Contoured memory foam that supports the neck.', '人体工学曲线，支撑颈椎。', [v('Standard', '标准款'), v('Low profile', '低枕款')]),
    line('duvet', 'Silk-blend Duvet', '蚕丝被', 599, 'Mulberry silk blend filling, light and warm.', '桑蚕丝混纺填充，轻盈保暖。', [v('Summer', '夏被', 0.7), v('All-season', '四季被'), v('Winter', '冬被', 1.4)]),
    line('bath-towels', 'Egyptian Cotton Bath Towels', '埃及棉浴巾', 129, 'Thick, absorbent towels, set of two.', '厚实吸水，两条装。', colours(['White', '白色'], ['Grey', '灰色'], ['Blue', '蓝色'])),
    line('throw-blanket', 'Knitted Throw Blanket', '针织沙发毯', 169, 'A chunky knit throw for the sofa, 130 x 170 cm.', '粗针织沙发毯，130×170厘米。', colours(['Oatmeal', '燕麦色'], ['Charcoal', '炭灰'])),
    line('linen-curtains', 'Linen Blackout Curtains', '亚麻遮光窗帘', 259, 'Linen-look curtains with a blackout lining, pair.', '亚麻质感，遮光内衬，一对装。', [v('140 x 230 cm', '140×230厘米')]),
    line('silk-pillowcase', 'Mulberry Silk Pillowcase', '桑蚕丝枕套', 199, '22-momme silk, kind to hair and skin.', '22姆米真丝，护发护肤。', colours(['Champagne', '香槟色'], ['Rose', '玫瑰粉'])),
    line('bathrobe', 'Waffle Bathrobe', '华夫格浴袍', 189, 'Lightweight waffle cotton robe.', '轻薄华夫格纯棉浴袍。', [v('M', 'M码'), v('L', 'L码')]),
    line('mattress-topper', 'Mattress Topper', '床垫褥子', 459, 'A 5 cm topper that softens a firm mattress.', '5厘米厚，让硬床垫更柔软。', [v('Queen', '1.5米'), v('King', '1.8米', 1.2)]),
    line('cushion-covers', 'Linen Cushion Covers', '亚麻抱枕套', 69, 'Washed linen covers with hidden zips, pair, 45 x 45 cm.', '水洗亚麻，隐形拉链，两只装，45×45厘米。', [v('Sand', '沙色'), v('Olive', '橄榄绿')]),
    line('bath-mat', 'Diatomite Bath Mat', '硅藻泥浴室地垫', 79, 'Quick-drying stone mat that soaks up water in seconds.', '速干硅藻泥，秒吸水。', [v('Standard', '标准款')]),
    line('tea-towels', 'Cotton Tea Towels', '纯棉厨房擦手巾', 49, 'Absorbent herringbone towels, set of four.', '人字纹吸水毛巾，四条装。', [v('Set of 4', '四条装')]),
    line('weighted-blanket', 'Weighted Blanket 7 kg', '重力毯 7公斤', 399, 'Glass-bead blanket for calmer sleep.', '玻璃微珠填充，助眠安神。', [v('Grey', '灰色')]),
  ],
}

export const ELECTRONICS: CategorySpec = {
  key: 'electronics', code: 'ELC', en: 'Electronics Accessories', zh: '数码配件', consumable: false,
  brands: ['VoltEdge', 'Nimbus', 'Kite'],
  searchEn: ['phone case', 'charger', 'usb-c cable', 'power bank', 'earbuds'],
  searchZh: ['手机壳', '充电器', '数据线', '充电宝', '蓝牙耳机'],
  lines: [
    line('phone-case', 'Shockproof Phone Case', '防摔手机壳', 69, 'Slim case with raised edges and a matte back.', '轻薄防摔，边框加高，磨砂背板。', [v('iPhone 16', 'iPhone 16'), v('iPhone 15', 'iPhone 15'), v('Galaxy S24', 'Galaxy S24')]),
    line('screen-protector', 'Tempered Glass Screen Protector', '钢化玻璃膜', 39, '9H glass, two in a pack, with an alignment frame.', '9H硬度，两片装，附贴膜神器。', [v('iPhone 16', 'iPhone 16'), v('iPhone 15', 'iPhone 15'), v('Galaxy S24', 'Galaxy S24')]),
    line('charger', 'GaN USB-C Charger', '氮化镓USB-C充电器', 129, 'Compact gallium nitride charger for phone and laptop.', '氮化镓小体积，手机笔记本都能充。', [v('65W', '65瓦'), v('30W', '30瓦', 0.6)]),
    line('cable', 'Braided USB-C Cable', '编织USB-C数据线', 39, 'Nylon-braided cable rated for 100 W.', '尼龙编织，支持100瓦快充。', [v('1 m', '1米'), v('2 m', '2米', 1.3)]),
    line('power-bank', 'Slim Power Bank', '轻薄充电宝', 149, 'Fast-charging battery pack with USB-C in and out.', 'USB-C双向快充。', [v('10000 mAh', '10000毫安'), v('20000 mAh', '20000毫安', 1.5)]),
    line('earbuds', 'Wireless Earbuds', '真无线蓝牙耳机', 299, 'Active noise cancelling with 30 hours of battery in the case.', '主动降噪，配合充电盒续航30小时。', colours(['Black', '黑色'], ['White', '白色'])),
    line('laptop-stand', 'Aluminium Laptop Stand', '铝合金笔记本支架', 119, 'Adjustable height, folds into a sleeve.', '高度可调，可折叠收纳。', [v('Silver', '银色')]),
    line('mouse', 'Silent Wireless Mouse', '静音无线鼠标', 89, 'Quiet clicks and Bluetooth plus 2.4 GHz.', '静音按键，蓝牙与2.4G双模。', colours(['Graphite', '石墨黑'], ['Pink', '粉色'])),
    line('keyboard', 'Mechanical Keyboard 75%', '75%机械键盘', 399, 'Hot-swappable switches, wireless, backlit.', '热插拔轴体，无线，背光。', [v('Brown switches', '茶轴'), v('Red switches', '红轴')]),
    line('speaker', 'Portable Bluetooth Speaker', '便携蓝牙音箱', 249, 'Waterproof speaker with 12 hours of play.', '防水设计，续航12小时。', colours(['Blue', '蓝色'], ['Black', '黑色'])),
    line('wireless-charger', 'Wireless Charging Pad', '无线充电板', 99, '15 W Qi pad with a non-slip surface.', '15瓦Qi无线充，防滑表面。', [v('Standard', '标准款')]),
    line('watch-band', 'Smart Watch Band', '智能手表表带', 59, 'Quick-release band for 42–45 mm watches.', '快拆设计，适配42–45毫米表盘。', [v('Silicone', '硅胶'), v('Leather', '真皮', 1.8)]),
    line('usb-hub', 'USB-C Hub 7-in-1', '七合一USB-C扩展坞', 169, 'HDMI 4K, SD card, three USB ports and 100 W pass-through.', '4K HDMI、读卡器、三个USB口，支持100瓦直通。', [v('Grey', '灰色')]),
    line('tablet-case', 'Tablet Folio Case', '平板保护套', 99, 'Magnetic folio with a pencil holder.', '磁吸翻盖，带笔槽。', [v('iPad Air', 'iPad Air'), v('iPad 10th gen', 'iPad 第十代')]),
  ],
}
