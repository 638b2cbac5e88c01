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
  key: 'signed' | 'signedAmount' | 'started' | 'arrived' | 'arrivalRate' | 'growth';
  label: string;
  value: string;
  unit: string;
  yoy: Yoy | null;
  /** the smaller figures under the main one */
  lines: KpiLine[];
  /** a rule the reader must know to read the figure (the 县际 rule on the city's arrived funds) */
  note: string | null;
}
