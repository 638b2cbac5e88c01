import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, inject, input, output, viewChild } from '@angular/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { type ChartDrill, drillOf } from './chart-options';

// only what the dashboard draws: the rest of ECharts stays out of the bundle (STACK.md)
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

/**
 * A chart's size on A4 paper in CSS px (1 mm = 3.78 px), as dashboard-page.print.less lays it out:
 * the page 190 mm wide (718 px), two columns 4 mm apart, cards with 1 px borders and 10 px padding;
 * chart heights 64 mm (half) and 56 mm (wide).
 */
export const PRINT_SIZE = {
  half: { width: 329, height: 242 },
  wide: { width: 696, height: 212 },
} as const;

/** The same option, drawn at once (an option with media queries keeps them). */
export function withoutAnimation(option: echarts.EChartsCoreOption): echarts.EChartsCoreOption {
  const base = option['baseOption'] as echarts.EChartsCoreOption | undefined;
  return base ? { ...option, baseOption: { ...base, animation: false } } : { ...option, animation: false };
}

/** One ECharts chart of the dashboard: a fixed height, a click that drills down, and its first drawing reported. */
@Component({
  selector: 'zs-dashboard-chart',
  imports: [NgxEchartsDirective],
  providers: [provideEchartsCore({ echarts })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="chart" echarts [options]="options()" [style.height.px]="height()" (chartInit)="init($event)" (chartClick)="click($event)" (chartFinished)="finished()" [attr.aria-label]="label()" role="img"></div>
    <img #printImage class="chart-print" alt="" aria-hidden="true" />
  `,
  styles: `
    :host {
      display: block;
    }
    .chart {
      width: 100%;
      cursor: pointer;
    }
    .chart-print {
      display: none;
    }
    @media print {
      .chart {
        display: none !important;
      }
      .chart-print {
        display: block;
      }
    }
  `,
})
export class DashboardChart {
  readonly options = input.required<echarts.EChartsCoreOption>();
  readonly height = input(280);
  readonly label = input('');
  /** spans the printed page's width (else half of it) */
  readonly wide = input(false);
  readonly drill = output<ChartDrill>();
  /** once, when the chart has been drawn for the first time */
  readonly drawn = output<void>();

  private instance: echarts.ECharts | null = null;
  private reported = false;

  private readonly printImage = viewChild.required<ElementRef<HTMLImageElement>>('printImage');

  constructor() {
    // Printing lays the page out again at the paper's width right after beforeprint, and draws no
    // animation frame in between: a canvas resized then would be printed half-drawn. So the chart is
    // drawn once, at its printed size (PRINT_SIZE) and without animation, into a picture that the
    // print shows instead of the canvas.
    const beforePrint = () => {
      const instance = this.instance;
      if (!instance) return;
      const size = this.wide() ? PRINT_SIZE.wide : PRINT_SIZE.half;
      instance.setOption(withoutAnimation(this.options()));
      instance.resize({ ...size, animation: { duration: 0 } });
      const image = this.printImage().nativeElement;
      image.src = instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
      image.style.width = `${size.width}px`;
      image.style.height = `${size.height}px`;
      instance.resize({ width: 'auto', height: 'auto', animation: { duration: 0 } });
      instance.setOption(this.options());
    };
    window.addEventListener('beforeprint', beforePrint);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('beforeprint', beforePrint);
    });
  }

  private readonly host = inject<ElementRef<HTMLElement & { zsChart?: echarts.ECharts }>>(ElementRef).nativeElement;

  protected init(instance: echarts.ECharts): void {
    this.instance = instance;
    // the e2e tests find a bar's pixel through it (convertToPixel) to click it as a person would
    this.host.zsChart = instance;
  }

  protected click(event: unknown): void {
    const drill = drillOf(event as { data?: unknown });
    if (drill) this.drill.emit(drill);
  }

  protected finished(): void {
    if (this.reported) return;
    this.reported = true;
    this.drawn.emit();
  }
}
