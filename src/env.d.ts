/// <reference types="astro/client" />

/** The MDX glossary bodies of the validated model, by term id (see src/integrations/glossary-mdx.ts). */
declare module 'virtual:okr-handbook/glossary-mdx' {
  export const glossaryMdx: Record<string, (() => Promise<{ default: import('astro/runtime/server/index.js').AstroComponentFactory; getHeadings?: () => { depth: number; slug: string; text: string }[] }>) | undefined>;
}
