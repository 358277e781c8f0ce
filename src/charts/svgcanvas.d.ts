/** Types for the part of `svgcanvas` 2.6 we use (the package ships none). */
declare module 'svgcanvas' {
  export interface ContextOptions {
    width: number;
    height: number;
    document?: Document;
    /** A real 2D context that answers measureText. */
    ctx?: CanvasRenderingContext2D;
  }
  export class Context {
    constructor(options: ContextOptions);
    getSerializedSvg(fixNamedEntities?: boolean): string;
  }
}
