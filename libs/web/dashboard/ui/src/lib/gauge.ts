import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** radius of the arc in the 100 × 100 box, its stroke inside the box */
const RADIUS = 46;
/** the arc leaves a quarter open at the bottom, like Ant Design's "dashboard" progress */
const SWEEP_DEGREES = 270;
export const GAUGE_ARC_LENGTH = (RADIUS * Math.PI * SWEEP_DEGREES) / 180;

function point(degrees: number): string {
  const radians = (degrees * Math.PI) / 180;
  return `${(50 + RADIUS * Math.cos(radians)).toFixed(2)} ${(50 + RADIUS * Math.sin(radians)).toFixed(2)}`;
}

/** from the lower left (135°) clockwise over the top to the lower right (45°): SVG angles grow clockwise */
const ARC = `M ${point(135)} A ${RADIUS} ${RADIUS} 0 1 1 ${point(45)}`;

/**
 * A rate as a gauge: an open ring filled to the percentage, the text in its middle. Drawn as two SVG
 * paths — ng-zorro's nz-progress did the same with its whole module (4 KB gzip in the 驾驶舱's first load).
 */
@Component({
  selector: 'zs-gauge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <svg class="gauge__svg" viewBox="0 0 100 100" aria-hidden="true">
      <path class="gauge__trail" [attr.d]="arc" />
      @if (filled() > 0) {
        <path class="gauge__fill" [attr.d]="arc" [attr.stroke]="color()" [attr.stroke-dasharray]="filled() + ' ' + arcLength" />
      }
    </svg>
    <span class="gauge__text"><ng-content /></span>
  `,
  styles: `
    :host {
      position: relative;
      display: inline-block;
      width: var(--gauge-size, 112px);
      height: var(--gauge-size, 112px);
    }
    .gauge__svg {
      display: block;
      width: 100%;
      height: 100%;
    }
    .gauge__trail,
    .gauge__fill {
      fill: none;
      stroke-width: 6;
      stroke-linecap: round;
    }
    .gauge__trail {
      stroke: rgba(0, 0, 0, 0.06);
    }
    .gauge__fill {
      transition: stroke-dasharray 0.3s ease;
    }
    .gauge__text {
      position: absolute;
      inset: 0;
      display: flex;
      align-items: center;
      justify-content: center;
    }
  `,
  host: { role: 'img', '[attr.aria-label]': 'label()', '[style.--gauge-size.px]': 'size()' },
})
export class Gauge {
  /** 0–100; outside is clamped */
  readonly percent = input.required<number>();
  readonly color = input('#1677ff');
  readonly size = input(112);
  readonly label = input('');

  protected readonly arc = ARC;
  protected readonly arcLength = GAUGE_ARC_LENGTH.toFixed(2);
  /** the length of the arc to draw */
  protected readonly filled = computed(() => {
    const percent = Math.min(100, Math.max(0, Number.isFinite(this.percent()) ? this.percent() : 0));
    return Number(((GAUGE_ARC_LENGTH * percent) / 100).toFixed(2));
  });
}
