/**
 * The demo workspace's knowledge base: the help articles of an online shop selling apparel, electronics, home
 * goods and beauty, shipping within China and abroad, with a membership points programme. Fourteen topics, each
 * written once in English and once in Simplified Chinese. The Chinese articles are written the way Chinese
 * customers ask (什么时候发货, 快递到哪了, 能退吗), not translated; the facts are the same in both (the numbers in
 * the two bodies of a topic match, which the test checks).
 *
 * The customer chat assistant learns each article from its title and `questions` (one classifier intent per
 * article) and retrieves with BM25 over the questions, so the questions of different topics are kept apart:
 * returns talk about sending goods back, refunds about money coming back, exchanges about another size or
 * colour. No question asks for a person; handing off to an agent is handled elsewhere.
 *
 * Shop facts used throughout: dispatch the same working day when paid before 16:00 Beijing time; mainland China
 * delivery 2–4 days (remote regions 5–7), international 7–15 working days; free mainland shipping from ¥99,
 * otherwise ¥10; international ¥120, free from ¥800; unpaid orders cancelled after 30 minutes; 7-day returns for
 * any reason, 15 days for quality problems; 1 point per ¥1, 100 points = ¥1.
 */
export interface DemoKbArticle {
  /** `demo-kb-<topic>-<lang>`. */
  external_id: string
  lang: 'en' | 'zh'
  category: string
  /** The main question, at most 300 characters. */
  title: string
  /** 6–8 other ways a customer asks the same thing, each at most 300 characters, none equal to the title. */
  questions: string[]
  /** The answer: plain text, 2–4 sentences, at most 2,000 characters. */
  body: string
}

export const DEMO_KB_ARTICLES: readonly DemoKbArticle[] = [
  // Shipping time
  {
    external_id: 'demo-kb-shipping-time-en',
    lang: 'en',
    category: 'Shipping',
    title: 'How long does it take for my order to ship and arrive?',
    questions: [
      'When will my order be dispatched?',
      'How many days does delivery take?',
      'I ordered yesterday, when will it arrive?',
      'How long is delivery for international orders?',
      'If I order on a Saturday, when does it ship?',
      'Does delivery take longer to remote areas like Tibet?',
      'Is there a cut-off time for same-day dispatch?',
      'When will my parcel arrive?',
    ],
    body:
      'Orders paid before 16:00 (Beijing time) on a working day leave our warehouse the same day; orders paid later, or at the weekend, leave on the next working day. ' +
      'Delivery within mainland China takes 2–4 days after dispatch, or 5–7 days to remote regions such as Xinjiang and Tibet. ' +
      'International orders arrive in 7–15 working days, depending on the destination and customs clearance.',
  },
  {
    external_id: 'demo-kb-shipping-time-zh',
    lang: 'zh',
    category: '配送',
    title: '下单后多久发货？几天能到？',
    questions: [
      '什么时候发货？',
      '拍下后几天能送到',
      '今天下单明天能到吗',
      '寄到国外几天能到',
      '周末下单什么时候发',
      '发新疆、西藏要几天到',
      '几点前下单当天能发货',
      '一般几天发货',
    ],
    body:
      '工作日16:00（北京时间）前付款的订单当天发货，16:00之后或周末付款的订单顺延至下一个工作日发货。' +
      '发货后中国大陆一般2-4天送达，新疆、西藏等偏远地区需要5-7天。' +
      '海外订单视目的地和清关情况，一般7-15个工作日送达。',
  },

  // Shipping cost and the free-shipping threshold
  {
    external_id: 'demo-kb-shipping-cost-en',
    lang: 'en',
    category: 'Shipping',
    title: 'How much is shipping, and when is it free?',
    questions: [
      'What is the minimum spend for free delivery?',
      'Why was I charged a delivery fee?',
      'How much is postage within China?',
      'Do you offer free shipping?',
      'How much does shipping cost to an overseas address?',
      'Who pays import duties and customs fees?',
      'Does the free shipping threshold use the price after coupons?',
      'What is the shipping fee if my order is under ¥99?',
    ],
    body:
      'Orders delivered within mainland China ship free when the amount paid is ¥99 or more after discounts; below that a flat ¥10 fee applies. ' +
      'International orders pay a flat ¥120 per order, or nothing from ¥800. ' +
      'Import duties and taxes charged at the destination are paid by the recipient.',
  },
  {
    external_id: 'demo-kb-shipping-cost-zh',
    lang: 'zh',
    category: '配送',
    title: '运费怎么算？满多少包邮？',
    questions: [
      '满多少免运费',
      '你们包邮吗',
      '为什么我的订单收了运费',
      '不满99元运费多少钱',
      '寄海外运费怎么收',
      '包邮门槛按优惠后的金额算吗',
      '寄国外要交关税吗，谁付',
      '买东西要付运费吗',
    ],
    body:
      '寄往中国大陆的订单，扣除优惠后实付满99元即可包邮，不满99元收取10元运费。' +
      '海外订单每单运费120元，满800元免运费。' +
      '目的地国家或地区产生的进口关税和税费由收件人承担。',
  },

  // Tracking an order
  {
    external_id: 'demo-kb-order-tracking-en',
    lang: 'en',
    category: 'Shipping',
    title: 'How can I track my order?',
    questions: [
      'Where is my parcel right now?',
      'Where can I find my tracking number?',
      'My order shows as shipped but the tracking has no updates',
      'Which courier is delivering my package?',
      'Can I track my delivery in the app?',
      'The tracking has not moved for days, what should I do?',
      'How do I know if my package has been delivered?',
      'How do I check the status of my parcel?',
    ],
    body:
      'When your order leaves the warehouse we send the courier name and tracking number by SMS and e-mail. ' +
      'You can also open My Account > Orders, pick the order and tap Track package to see every scan. ' +
      'A new tracking number can take up to 24 hours to show its first update; if it has not moved for 3 days, tap Report a problem on the order page and we will open an investigation with the courier.',
  },
  {
    external_id: 'demo-kb-order-tracking-zh',
    lang: 'zh',
    category: '配送',
    title: '快递到哪了？怎么查物流？',
    questions: [
      '我的包裹在哪里，能查到吗',
      '快递单号在哪看',
      '显示已发货但是查不到物流',
      '用的是什么快递',
      '物流好几天没更新了怎么办',
      '在App里怎么看物流进度',
      '怎么知道快递签收了没有',
      '帮我查一下快递',
    ],
    body:
      '订单出库后，我们会通过短信和邮件发送快递公司和运单号。' +
      '您也可以在「我的账户 > 我的订单」中选择该订单，点击「查看物流」查看每一条轨迹。' +
      '新运单号最多需要24小时才会出现第一条物流信息；如果物流超过3天没有更新，请在订单页点击「反馈问题」，我们会向快递公司发起核查。',
  },

  // Changing the delivery address
  {
    external_id: 'demo-kb-change-address-en',
    lang: 'en',
    category: 'Orders',
    title: 'Can I change the delivery address after placing an order?',
    questions: [
      'I entered the wrong address, how do I fix it?',
      'How do I update the shipping address on my order?',
      "I'm moving, can my parcel go to a different address?",
      'Can I change the phone number or recipient name on an order?',
      'The parcel already shipped, can it be redirected to a new address?',
      'I made a typo in my street name',
      'Can the order be delivered to my office address instead?',
      'Can I change where my order is delivered?',
    ],
    body:
      'While the order status is Awaiting shipment you can edit the address, recipient name and phone number yourself in My Account > Orders > Change address. ' +
      'Orders usually move to packing within 2 hours of payment, after which the address is locked. ' +
      'Once a mainland China order has shipped you can ask the courier to redirect it using the tracking number (the courier may charge a fee); international orders cannot be redirected after dispatch.',
  },
  {
    external_id: 'demo-kb-change-address-zh',
    lang: 'zh',
    category: '订单',
    title: '下单后可以修改收货地址吗？',
    questions: [
      '地址填错了怎么办',
      '怎么改收货地址',
      '能改一下收件人电话吗',
      '已经发货了还能改地址吗',
      '收货地址能改成公司吗',
      '门牌号写错了能改吗',
      '收件人姓名写错了能改吗',
      '搬家了，订单能换个地址送吗',
    ],
    body:
      '订单处于「待发货」状态时，您可以在「我的账户 > 我的订单 > 修改地址」中自行修改收货地址、收件人和电话。' +
      '订单通常在付款后2小时内进入打包环节，之后地址将无法修改。' +
      '中国大陆订单发货后，可凭运单号联系快递公司申请改派（快递公司可能收取费用）；海外订单发货后无法改派。',
  },

  // Cancelling an order
  {
    external_id: 'demo-kb-cancel-order-en',
    lang: 'en',
    category: 'Orders',
    title: 'How do I cancel my order?',
    questions: [
      'I want to cancel an order I just placed',
      'I changed my mind, can I still cancel?',
      'Where is the cancel button for my order?',
      'Can I cancel after the order has shipped?',
      'I placed a duplicate order by mistake, how do I cancel one of them?',
      'Will an unpaid order be cancelled automatically?',
      'Will I get my coupon back if I cancel?',
      'Can you stop my order before it is sent?',
    ],
    body:
      'While the status is Awaiting shipment you can cancel in My Account > Orders > Cancel order, and the full amount goes back to your original payment method automatically. ' +
      'Unpaid orders are cancelled automatically after 30 minutes. ' +
      'Once an order has shipped it can no longer be cancelled: refuse the delivery or start a return after it arrives, and any coupon you used is returned to your account if it has not expired.',
  },
  {
    external_id: 'demo-kb-cancel-order-zh',
    lang: 'zh',
    category: '订单',
    title: '怎么取消订单？',
    questions: [
      '刚下的单不想要了，能取消吗',
      '拍错了能取消吗',
      '取消订单的按钮在哪',
      '已经发货了还能取消吗',
      '重复下单了怎么取消一个',
      '没付款的订单会自动取消吗',
      '取消订单优惠券还会退回吗',
      '不想买了怎么撤销订单',
    ],
    body:
      '订单处于「待发货」状态时，可在「我的账户 > 我的订单 > 取消订单」中直接取消，款项会自动原路退回。' +
      '未付款的订单30分钟后自动取消。' +
      '订单发货后无法取消，您可以拒收，或在收货后申请退货；使用过的优惠券如未过期会退回您的账户。',
  },

  // Returns policy (sending goods back)
  {
    external_id: 'demo-kb-returns-en',
    lang: 'en',
    category: 'Returns & refunds',
    title: 'What is your returns policy?',
    questions: [
      'How do I start a return?',
      "Can I return something I just don't like?",
      'How many days do I have to return a product?',
      'Do I have to pay for return shipping?',
      'Can I return opened makeup?',
      'The jacket arrived damaged, can I send it back?',
      'Do you arrange a courier to collect my return?',
      "Can I return clothes I've already worn?",
    ],
    body:
      'You can return most items within 7 days of delivery for any reason, as long as they are unused with the tags and original packaging; items with a quality problem can be returned within 15 days. ' +
      'Underwear, swimwear, earrings, opened beauty products and personalised items cannot be returned unless they are faulty. ' +
      'Start the return in My Account > Orders > Return, choose a reason and book a courier pickup; for mainland China orders a ¥10 return shipping fee is deducted from the refund for change-of-mind returns, and quality problems are collected free.',
  },
  {
    external_id: 'demo-kb-returns-zh',
    lang: 'zh',
    category: '退换货',
    title: '支持七天无理由退货吗？',
    questions: [
      '收到了不喜欢、不合适能退吗',
      '退货流程是怎样的',
      '退货要自己出运费吗',
      '超过7天还能退吗',
      '化妆品拆封了可以退吗',
      '衣服有质量问题怎么退',
      '退货可以上门取件吗',
      '吊牌剪了还能退吗',
    ],
    body:
      '大部分商品签收后7天内支持无理由退货，需保持商品未使用、吊牌和原包装完好；有质量问题的商品签收后15天内可退。' +
      '内衣、泳装、耳饰、已拆封的美妆产品及定制商品，非质量问题不支持退货。' +
      '请在「我的账户 > 我的订单 > 申请退货」中选择原因并预约快递上门取件；中国大陆订单无理由退货将从退款中扣除10元运费，质量问题退货免运费。',
  },

  // Refund timing (money coming back)
  {
    external_id: 'demo-kb-refund-time-en',
    lang: 'en',
    category: 'Returns & refunds',
    title: 'When will I get my refund?',
    questions: [
      'How long does it take for the money to come back?',
      "I returned my item last week but haven't been refunded",
      "Why hasn't my refund reached my bank card yet?",
      'How long do refunds to Alipay or WeChat Pay take?',
      'Where does the refund go, my card or my account?',
      'My refund still has not shown up, how many days does it take?',
      'When will the money for my cancelled order be back?',
      'Has my refund been processed yet?',
    ],
    body:
      'Once your return reaches our warehouse we inspect it within 2 working days and then refund your original payment method; refunds for cancelled orders are issued straight away. ' +
      'Alipay and WeChat Pay refunds usually arrive within 1–3 working days, bank cards within 3–7 working days, and international cards or PayPal within 10 working days. ' +
      'Any points you used on the order are returned to your account when the refund is issued.',
  },
  {
    external_id: 'demo-kb-refund-time-zh',
    lang: 'zh',
    category: '退换货',
    title: '退款多久到账？',
    questions: [
      '退的钱什么时候能到',
      '退货寄回去好几天了还没收到退款',
      '退款是原路退回吗',
      '支付宝退款要几天',
      '银行卡怎么还没收到退的钱',
      '取消订单后退款几天到账',
      '显示已退款但是没看到钱',
      '退款一般要多久',
    ],
    body:
      '退货商品到达仓库后，我们会在2个工作日内完成质检并原路退款；取消订单的退款会立即发起。' +
      '支付宝和微信支付一般1-3个工作日到账，银行卡3-7个工作日，境外信用卡或PayPal最长10个工作日。' +
      '订单使用的积分会在发起退款时同步退回您的账户。',
  },

  // Exchanging a size or colour
  {
    external_id: 'demo-kb-exchange-en',
    lang: 'en',
    category: 'Returns & refunds',
    title: 'Can I exchange an item for a different size or colour?',
    questions: [
      'The shoes are too small, can I get a bigger size?',
      'How do I swap this shirt for another colour?',
      'Is exchanging a size free?',
      'The size I want is sold out, what can I do?',
      'How long does an exchange take?',
      'Can I swap it for a completely different product?',
      "The dress doesn't fit, I'd like another size",
      'I ordered the wrong size, can I exchange it?',
    ],
    body:
      'Within 7 days of delivery you can exchange an unworn item with its tags for another size or colour of the same product in My Account > Orders > Exchange. ' +
      'We collect the original for free and ship the replacement within 1 working day of receiving it. ' +
      'If the size or colour you want is out of stock, or you would like a different product, return the item for a refund and place a new order; exchanges are available for mainland China orders only.',
  },
  {
    external_id: 'demo-kb-exchange-zh',
    lang: 'zh',
    category: '退换货',
    title: '可以换尺码或者换颜色吗？',
    questions: [
      '鞋子小了能换大一码吗',
      '衣服想换个颜色',
      '换货要运费吗',
      '想换的尺码没货了怎么办',
      '换货要多久',
      '能换成别的款式吗',
      '裤子穿着不合身，怎么换',
      '买错尺码了可以换吗',
    ],
    body:
      '签收后7天内，未穿着且吊牌完好的商品可在「我的账户 > 我的订单 > 申请换货」中更换同款商品的其他尺码或颜色。' +
      '我们免费上门取回原商品，收到后1个工作日内寄出新商品。' +
      '如果想要的尺码或颜色缺货，或想换成其他商品，请先退货退款再重新下单；换货服务仅限中国大陆订单。',
  },

  // Payment methods
  {
    external_id: 'demo-kb-payment-methods-en',
    lang: 'en',
    category: 'Payment',
    title: 'What payment methods do you accept?',
    questions: [
      'Can I pay with a credit card?',
      'Do you accept PayPal?',
      'Can I pay cash on delivery?',
      'Can I pay in instalments with Huabei?',
      'Which cards can I pay with from abroad?',
      'Can I pay with Alipay or WeChat Pay?',
      'How long do I have to complete payment?',
      'Do you accept Visa and Mastercard?',
    ],
    body:
      'We accept Alipay, WeChat Pay, UnionPay cards, Visa, Mastercard and American Express, plus PayPal for international orders. ' +
      'Alipay Huabei instalments over 3, 6 or 12 months are available on orders of ¥600 or more; cash on delivery is not offered. ' +
      'Please complete payment within 30 minutes of placing the order, or it is cancelled automatically.',
  },
  {
    external_id: 'demo-kb-payment-methods-zh',
    lang: 'zh',
    category: '支付',
    title: '支持哪些付款方式？',
    questions: [
      '可以用信用卡付款吗',
      '能用微信支付吗',
      '支持货到付款吗',
      '能用花呗分期付款吗',
      '在国外能用PayPal付款吗',
      '银联卡能支付吗',
      '订单要在多长时间内付款',
      '可以用支付宝付钱吗',
    ],
    body:
      '我们支持支付宝、微信支付、银联卡，以及Visa、Mastercard、American Express信用卡，海外订单还可使用PayPal。' +
      '实付满600元的订单可使用花呗分3期、6期或12期付款；暂不支持货到付款。' +
      '下单后请在30分钟内完成支付，超时订单将自动取消。',
  },

  // Invoices
  {
    external_id: 'demo-kb-invoice-en',
    lang: 'en',
    category: 'Payment',
    title: 'How do I get an invoice for my order?',
    questions: [
      'Can I get a receipt for my order?',
      'I need a company invoice with our tax ID',
      'Where can I download my invoice?',
      'Do you issue VAT invoices?',
      'I forgot to ask for an invoice when ordering, can I still get one?',
      'How long does it take for the invoice to be issued?',
      'Is there an invoice for international orders?',
      'How do I get a fapiao?',
    ],
    body:
      'Open My Account > Orders, choose the order and tap Request invoice, then pick Personal or Company; a company invoice needs the company name and tax ID, and a special VAT invoice also needs the registered address and bank account. ' +
      'Electronic invoices are issued within 3 working days after delivery, e-mailed to you and downloadable from the order page. ' +
      'You can request an invoice up to 180 days after ordering, and international orders get a commercial invoice in PDF on the same page.',
  },
  {
    external_id: 'demo-kb-invoice-zh',
    lang: 'zh',
    category: '支付',
    title: '怎么开发票？',
    questions: [
      '可以开电子发票吗',
      '公司报销需要开增值税专票',
      '发票抬头写公司名，税号在哪填',
      '下单时忘了开发票，还能补开吗',
      '发票多久能开好',
      '电子发票在哪里下载',
      '个人抬头的发票怎么开',
      '买东西能开票吗',
    ],
    body:
      '在「我的账户 > 我的订单」中选择订单，点击「申请开票」，选择个人或企业抬头；企业抬头需填写公司名称和税号，开具增值税专用发票还需提供注册地址、电话及开户行账号。' +
      '电子发票在确认收货后3个工作日内开具，会发送到您的邮箱，也可在订单页下载。' +
      '下单后180天内均可申请补开发票。',
  },

  // Warranty and repairs
  {
    external_id: 'demo-kb-warranty-en',
    lang: 'en',
    category: 'Warranty',
    title: 'What warranty do your products have, and how do I get a repair?',
    questions: [
      'My headphones stopped working, can you repair them?',
      'How long is the warranty on electronics?',
      'The blender broke after two months, is it under warranty?',
      'How do I send a faulty device in for repair?',
      'Does the warranty cover a cracked screen?',
      'How long does a repair take?',
      'My new phone charger is faulty, will you replace it?',
      "My kettle won't turn on, is that covered by the warranty?",
    ],
    body:
      'Electronics and home appliances carry a 1-year warranty from the delivery date, and a fault reported within 15 days of delivery gets a brand-new replacement instead of a repair. ' +
      'To claim, go to My Account > Orders > After-sales > Repair, describe the fault and add photos or a video; we collect the item for free, and repairs are finished and shipped back within 7–14 working days. ' +
      'Accidental damage such as drops, cracked screens or liquid damage, and items opened by a third-party repairer, are not covered.',
  },
  {
    external_id: 'demo-kb-warranty-zh',
    lang: 'zh',
    category: '售后',
    title: '商品保修多久？坏了怎么维修？',
    questions: [
      '耳机坏了能修吗',
      '电子产品保修期多长',
      '用了两个月就坏了算保修吗',
      '怎么申请售后维修',
      '屏幕摔裂了保修吗',
      '维修一般要多长时间',
      '刚买几天就出故障了，能换新机吗',
      '家电坏了怎么报修',
    ],
    body:
      '电子产品和家用电器自签收之日起享受1年保修，签收后15天内出现性能故障可直接换新。' +
      '请在「我的账户 > 我的订单 > 售后服务 > 申请维修」中描述故障并上传照片或视频，我们会免费上门取件，维修完成后在7-14个工作日内免费寄回。' +
      '摔落、屏幕碎裂、进水等人为损坏，以及经非官方维修点拆修的商品，不在保修范围内。',
  },

  // Membership points
  {
    external_id: 'demo-kb-points-en',
    lang: 'en',
    category: 'Membership',
    title: 'How does the membership points programme work?',
    questions: [
      'How many points do I earn per purchase?',
      'How do I use my points at checkout?',
      'How much are my points worth?',
      "Why haven't the points from my last order shown up?",
      'Do my points expire?',
      'Where can I see my points balance?',
      'Can I pay for a whole order with points?',
      'How do I redeem my reward points?',
    ],
    body:
      'Members earn 1 point for every ¥1 paid, excluding shipping, and the points are added 7 days after delivery once the return window has closed. ' +
      'At checkout every 100 points takes ¥1 off, covering up to 50% of the order value. ' +
      'Points expire 12 months after they are earned, and you can check your balance and history in My Account > Points.',
  },
  {
    external_id: 'demo-kb-points-zh',
    lang: 'zh',
    category: '会员',
    title: '会员积分怎么获得和使用？',
    questions: [
      '买东西送积分吗，怎么算',
      '积分怎么抵现',
      '多少积分能抵一块钱',
      '上次买的东西积分怎么还没到账',
      '积分会过期吗',
      '在哪查我有多少积分',
      '积分能全额抵扣吗',
      '会员积分有什么用',
    ],
    body:
      '会员每实付1元（不含运费）可获得1积分，积分在签收7天后、退货期结束时到账。' +
      '结算时每100积分可抵扣1元，最多抵扣订单金额的50%。' +
      '积分自获得之日起12个月内有效，可在「我的账户 > 我的积分」中查看余额和明细。',
  },

  // Promo and coupon codes that do not work
  {
    external_id: 'demo-kb-promo-code-en',
    lang: 'en',
    category: 'Promotions',
    title: 'Why is my promo code not working?',
    questions: [
      'The discount code says invalid at checkout',
      "My coupon code isn't applying to my basket",
      'Can I use two promo codes on one order?',
      'Why was my voucher code rejected?',
      'Does the coupon work on sale items?',
      "My welcome discount code won't apply",
      'The coupon expired yesterday, can I still use it?',
      'Is the promo code case-sensitive?',
    ],
    body:
      'First check in My Account > Coupons that the code has not expired and that your basket meets its minimum spend, counted before shipping. ' +
      'Most codes exclude sale items and gift cards, only one code can be used per order, and codes cannot be combined with other coupons. ' +
      'Welcome codes work only on the first order of the account they were issued to, so make sure you are logged in and type the code without spaces (letter case does not matter); expired codes cannot be reactivated.',
  },
  {
    external_id: 'demo-kb-promo-code-zh',
    lang: 'zh',
    category: '优惠',
    title: '优惠券或优惠码用不了怎么办？',
    questions: [
      '优惠码提示无效',
      '结算的时候优惠券用不上',
      '两张优惠券能一起用吗',
      '领的优惠券为什么不能用',
      '特价商品能用优惠券吗',
      '新人券怎么用不了',
      '优惠券过期了还能用吗',
      '优惠码区分大小写吗',
    ],
    body:
      '请先在「我的账户 > 优惠券」中确认券未过期，并且订单金额（不含运费）达到使用门槛。' +
      '多数优惠券不适用于特价商品和礼品卡，每笔订单限用一张，且不能与其他优惠券叠加。' +
      '新人券仅限领券账户的首单使用，请确认已登录对应账户，输入优惠码时不要带空格（不区分大小写）；已过期的券无法恢复。',
  },

  // Resetting the account password
  {
    external_id: 'demo-kb-password-reset-en',
    lang: 'en',
    category: 'Account',
    title: 'How do I reset my account password?',
    questions: [
      'I forgot my password',
      "I can't log in to my account",
      'The password reset e-mail never arrived',
      'How do I change my password?',
      'My account is locked after too many login attempts',
      'Can I reset my password with my phone number?',
      'The password reset link has expired',
      "I didn't get the verification code to reset my password",
    ],
    body:
      'On the login page tap Forgot password and enter the e-mail address or mobile number on your account; we send a reset link by e-mail (valid for 30 minutes) or a verification code by SMS (valid for 5 minutes). ' +
      'If the e-mail does not arrive, check your spam folder or request a new link. ' +
      'Your new password needs at least 8 characters with both letters and numbers, and after 5 wrong attempts sign-in is paused for 15 minutes. ' +
      'To change your password while signed in, go to My Account > Security.',
  },
  {
    external_id: 'demo-kb-password-reset-zh',
    lang: 'zh',
    category: '账户',
    title: '忘记密码怎么找回？',
    questions: [
      '密码忘了登不上去',
      '账号登录不了',
      '收不到重置密码的邮件',
      '怎么修改登录密码',
      '密码输错太多次被锁了',
      '能用手机号找回密码吗',
      '重置密码的链接过期了',
      '收不到找回密码的验证码',
    ],
    body:
      '在登录页点击「忘记密码」，输入账户绑定的邮箱或手机号，我们会发送重置链接（30分钟内有效）或短信验证码（5分钟内有效）。' +
      '收不到邮件请检查垃圾邮件箱，或重新获取链接。' +
      '新密码至少8位，需同时包含字母和数字；连续输错5次后将暂停登录15分钟。' +
      '已登录时可在「我的账户 > 账户安全」中修改密码。',
  },
]
