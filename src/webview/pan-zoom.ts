/**
 * Zoom and pan of the picture with a CSS transform: the wheel scrolls, Ctrl/⌘ + wheel zooms at the
 * pointer, dragging the background pans. The state is plain data so it survives updates of the
 * picture and a reload of the webview (vscode.setState).
 */
export interface PanZoomState {
    scale: number;
    x: number;
    y: number;
}

const MIN_SCALE = 0.1;

export interface Rect {
    x: number;
    y: number;
    width: number;
    height: number;
}
const MAX_SCALE = 3;

export class PanZoom {
    state: PanZoomState;
    /** True while (and right after) the pointer dragged: a drag is not a click. */
    dragged = false;

    constructor(
        private readonly viewport: HTMLElement,
        private readonly canvas: HTMLElement,
        initial: PanZoomState | undefined,
        private readonly onChange: (state: PanZoomState) => void
    ) {
        this.state = initial ?? { scale: 1, x: 0, y: 0 };
        viewport.addEventListener('wheel', event => this.wheel(event), { passive: false });
        viewport.addEventListener('pointerdown', event => this.drag(event));
        this.apply();
    }

    private wheel(event: WheelEvent): void {
        event.preventDefault();
        if (event.ctrlKey || event.metaKey) {
            const rect = this.viewport.getBoundingClientRect();
            this.zoomAt(Math.exp(-event.deltaY * 0.002), event.clientX - rect.left, event.clientY - rect.top);
        } else {
            this.state = { ...this.state, x: this.state.x - event.deltaX, y: this.state.y - event.deltaY };
            this.apply();
        }
    }

    private drag(event: PointerEvent): void {
        if (event.button !== 0) return;
        const start = { x: event.clientX, y: event.clientY, sx: this.state.x, sy: this.state.y };
        this.dragged = false;
        const move = (e: PointerEvent) => {
            const dx = e.clientX - start.x,
                dy = e.clientY - start.y;
            if (!this.dragged && Math.hypot(dx, dy) < 4) return;
            if (!this.dragged) this.viewport.setPointerCapture(event.pointerId);
            this.dragged = true;
            this.viewport.classList.add('panning');
            this.state = { ...this.state, x: start.sx + dx, y: start.sy + dy };
            this.apply();
        };
        const up = () => {
            this.viewport.removeEventListener('pointermove', move);
            this.viewport.removeEventListener('pointerup', up);
            this.viewport.classList.remove('panning');
        };
        this.viewport.addEventListener('pointermove', move);
        this.viewport.addEventListener('pointerup', up);
    }

    zoomAt(factor: number, px?: number, py?: number): void {
        const cx = px ?? this.viewport.clientWidth / 2,
            cy = py ?? this.viewport.clientHeight / 2;
        const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, this.state.scale * factor));
        const k = scale / this.state.scale;
        this.state = { scale, x: cx - (cx - this.state.x) * k, y: cy - (cy - this.state.y) * k };
        this.apply();
    }

    /**
     * The whole picture in view, never enlarged beyond 100 %. With a minimum scale, a picture that
     * would need less is shown at that scale from its top-left corner instead.
     */
    fit(width: number, height: number, minScale = MIN_SCALE): boolean {
        const vw = this.viewport.clientWidth,
            vh = this.viewport.clientHeight;
        if (!width || !height || !vw || !vh) return false;
        const scale = Math.max(MIN_SCALE, Math.min(1, (vw - 16) / width, (vh - 16) / height));
        const fits = scale >= minScale;
        this.state = fits ? { scale, x: Math.max(0, (vw - width * scale) / 2), y: Math.max(0, (vh - height * scale) / 2) } : { scale: minScale, x: 0, y: 0 };
        this.apply();
        return fits;
    }

    /** Puts a point of the picture near the left edge, a third of the way down. */
    showAt(x: number, y: number): void {
        const { scale } = this.state;
        this.state = { scale, x: 16 - x * scale, y: Math.min(0, this.viewport.clientHeight / 3 - y * scale) };
        this.apply();
    }

    /** Moves the picture by screen pixels, at the same zoom. */
    panBy(dx: number, dy: number): void {
        if (!dx && !dy) return;
        this.state = { ...this.state, x: this.state.x + dx, y: this.state.y + dy };
        this.apply();
    }

    /**
     * Shows a region of the picture as large as fits (up to 100 %, never below `minScale`). When
     * it does not fit at `minScale`, `keep` (a rectangle inside it) stays in view, as close to the
     * region's centre as the viewport allows: the rest of the region is cropped.
     */
    showRegion(region: Rect, keep: Rect, minScale: number): void {
        const vw = this.viewport.clientWidth,
            vh = this.viewport.clientHeight,
            margin = 16;
        if (!vw || !vh) return;
        const scale = Math.max(minScale, Math.min(1, (vw - 2 * margin) / region.width, (vh - 2 * margin) / region.height));
        const axis = (start: number, size: number, keepStart: number, keepSize: number, view: number): number => {
            const centred = view / 2 - (start + size / 2) * scale;
            if (size * scale <= view - 2 * margin) return centred;
            // Cropped: the kept box as near the centred position as keeps it fully in view.
            const low = margin - keepStart * scale,
                high = view - margin - (keepStart + keepSize) * scale;
            return Math.min(Math.max(centred, Math.min(low, high)), Math.max(low, high));
        };
        this.state = { scale, x: axis(region.x, region.width, keep.x, keep.width, vw), y: axis(region.y, region.height, keep.y, keep.height, vh) };
        this.apply();
    }

    /** Pans so that a rectangle of the picture (in picture coordinates) is visible. */
    reveal(x: number, y: number, width: number, height: number): void {
        const { scale } = this.state;
        const vw = this.viewport.clientWidth,
            vh = this.viewport.clientHeight;
        const left = x * scale + this.state.x,
            top = y * scale + this.state.y;
        if (left >= 0 && top >= 0 && left + width * scale <= vw && top + height * scale <= vh) return;
        this.state = { scale, x: vw / 2 - (x + width / 2) * scale, y: vh / 2 - (y + height / 2) * scale };
        this.apply();
    }

    private apply(): void {
        const { scale, x, y } = this.state;
        this.canvas.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
        this.onChange(this.state);
    }
}
