import type { TicketTemplates } from './ticket-types.ts'

export const EN_TICKETS: TicketTemplates = {
  delivery_delay: {
    subjects: ['Where is my order {order}?', 'Order {order} has not arrived', 'Delivery is late', 'Still waiting for my parcel', 'Tracking has not updated for days'],
    bodies: [
      'Hi, I placed order {order} on {date} and it still has not arrived after {days} days. The tracking page has not changed since it left the warehouse. Can you tell me when it will be delivered?',
      'Hello, my parcel with the {product} is late. It was supposed to arrive days ago and I have heard nothing. Please check with the courier.',
      'I have been waiting {days} days for order {order}. Is it lost? I need it by the weekend.',
    ],
  },
  refund_request: {
    subjects: ['Refund request for order {order}', 'I would like my money back', 'Please refund {order}', 'Return and refund'],
    bodies: [
      'Hi, I returned the {product} from order {order} and would like a full refund to my original payment method. How long will it take?',
      'Hello, the {product} is not what I expected and I want to return it for a refund. Please send me a return label.',
      'I was charged for order {order} but I cancelled it. Please refund the payment as soon as possible.',
    ],
  },
  damaged_item: {
    subjects: ['Item arrived damaged', 'Broken {product} in my order', 'Damaged parcel, order {order}', 'Product was faulty on arrival'],
    bodies: [
      'Hi, the {product} in order {order} arrived broken. The box was crushed and the item is cracked. I have attached photos. Can you send a replacement?',
      'Hello, my order came today but the {product} is damaged and leaking. This is not acceptable. What can you do?',
      'The {product} I received does not work at all, it seems to have been damaged in transit. Please advise.',
    ],
  },
  change_address: {
    subjects: ['Change delivery address for {order}', 'Wrong address on my order', 'Please update my shipping address', 'Can I send order {order} to my office instead?'],
    bodies: [
      'Hi, I just placed order {order} and realised the shipping address is my old flat. Could you change it to my new address before it ships?',
      'Hello, please deliver order {order} to my work address instead of home. I will not be in this week.',
      'I made a typo in the postcode on my last order. Can the delivery address still be corrected?',
    ],
  },
  invoice: {
    subjects: ['Invoice for order {order}', 'Need a VAT invoice', 'Receipt request', 'Company invoice please'],
    bodies: [
      'Hi, could you send me an invoice for order {order}? I need it for my expenses claim.',
      'Hello, please issue a VAT invoice for my purchase on {date} with my company name on it.',
      'I cannot find the receipt for order {order} in my account. Can you email a copy of the invoice?',
    ],
  },
  account_login: {
    subjects: ['Cannot log in to my account', 'Password reset email not arriving', 'Account locked', 'Problem signing in'],
    bodies: [
      'Hi, I cannot log in to my account. I tried resetting my password but the reset email never arrives. Please help.',
      'Hello, my account says it is locked after too many attempts. How do I unlock it?',
      'I changed my phone number and now I cannot receive the login code. Can you update my account?',
    ],
  },
  product_question: {
    subjects: ['Question about the {product}', 'Is the {product} suitable for me?', 'Product information request', 'Before I buy: {product}'],
    bodies: [
      'Hi, before I order the {product}, can you tell me what it is made of and whether it comes with a warranty?',
      'Hello, what are the dimensions of the {product}? I want to make sure it fits.',
      'Is the {product} safe for sensitive users? I could not find the full ingredient list on the page.',
    ],
  },
}
