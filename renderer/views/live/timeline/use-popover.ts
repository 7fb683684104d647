import { useEffect, useId, useRef, useState, type RefObject } from 'react';

export interface Popover {
  open: boolean;
  setOpen(open: boolean | ((was: boolean) => boolean)): void;
  /** The element holding the button and the popover: a press outside it closes the popover. */
  rootRef: RefObject<HTMLDivElement | null>;
  /** Takes the focus back when Esc closes the popover. */
  buttonRef: RefObject<HTMLButtonElement | null>;
  popoverId: string;
}

/**
 * The open state of a filter bar popover: Esc (focus back on its button) or a press outside
 * closes it.
 */
export function usePopover(): Popover {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popoverId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent): void => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open]);

  return { open, setOpen, rootRef, buttonRef, popoverId };
}
