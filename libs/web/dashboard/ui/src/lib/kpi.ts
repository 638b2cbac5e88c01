export type Trend = 'up' | 'down' | 'flat';

export interface Yoy {
  /** `+12.3%`, `-4.0%`, or `—` when last year had nothing to compare with */
  text: string;
  trend: Trend | null;
}

export interface KpiLine {
  label: string;
  value: string;
  unit: string;
  yoy?: Yoy;
}

export interface Kpi {
  key: 'signed' | 'signedAmount' | 'started' | 'arrived' | 'foreign' | 'target' | 'arrivalRate' | 'growth';
  label: string;
  value: string;
  unit: string;
  yoy: Yoy | null;
  /** the smaller figures under the main one */
  lines: KpiLine[];
  /** a rule the reader must know to read the figure (the 县际 rule on the city's arrived funds) */
  note: string | null;
  /** what the reader could misread (贡献率 positive while both arrivals and FAI fell): shown in red */
  warning?: string | null;
  /** the card opens the projects it counts (the drill-down page) */
  clickable?: boolean;
}
