/**
 * Planted basket affinities: lines bought together far more often than chance. When an order contains one
 * line of a bundle, each other line joins the basket with probability `BUNDLE_JOIN`, so association rules
 * and item-to-item recommenders have known answers to recover.
 */
export const BUNDLES: readonly (readonly string[])[] = [
  ['coffee-tea.yunnan-beans', 'coffee-tea.v60-filters'],
  ['kitchen.gooseneck-kettle', 'kitchen.ceramic-dripper', 'kitchen.coffee-scale'],
  ['skincare.cleanser', 'skincare.toner', 'skincare.moisturiser'],
  ['pet.dog-food', 'pet.dog-treats'],
  ['pet.cat-food', 'pet.cat-litter'],
  ['baby.diapers', 'baby.wipes'],
  ['electronics.phone-case', 'electronics.screen-protector'],
  ['sportswear.yoga-mat', 'sportswear.yoga-blocks'],
  ['stationery.fountain-pen', 'stationery.ink'],
  ['stationery.notebook', 'stationery.gel-pens'],
  ['coffee-tea.longjing', 'kitchen.glass-teapot'],
  ['home-textiles.bedsheets', 'home-textiles.pillow'],
]

export const BUNDLE_JOIN = 0.45
