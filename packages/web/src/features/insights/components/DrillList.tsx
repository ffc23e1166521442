import { Link } from 'react-router'
import { customersUrl, type DrillFilters } from '../../customers/api/drill-filters.ts'

/**
 * The numbers a chart draws, as a list of links to the customers behind each: the keyboard and screen-reader
 * way to drill down (the chart's own click does the same).
 */
export function DrillList({ items, id }: { id: string; items: Array<{ label: string; count: string; n: number; drill: DrillFilters; key: string }> }) {
  return (
    <ul className="drill-list" id={id}>
      {items.map((i) => (
        <li key={i.key} data-key={i.key}>
          <Link to={customersUrl(i.drill)}>{i.label}</Link> <span className="drill-count" data-count={i.n}>{i.count}</span>
        </li>
      ))}
    </ul>
  )
}
