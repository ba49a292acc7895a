import { create } from "zustand";
import type { TranslationKey } from "../../shared/i18n";
import type { TranslateParams } from "../../shared/i18n";

export interface Toast {
  id: number;
  key: TranslationKey;
  params?: TranslateParams;
}

interface ToastStore {
  toasts: Toast[];
}

export const useToastStore = create<ToastStore>(() => ({ toasts: [] }));

let nextId = 1;
const SHOW_MS = 5000;

/** Shows a short translated message; the same message twice in a row is shown once. */
export function showToast(toast: Omit<Toast, "id">): void {
  const { toasts } = useToastStore.getState();
  if (toasts.some((t) => t.key === toast.key)) return;
  const id = nextId++;
  useToastStore.setState({ toasts: [...toasts.slice(-2), { ...toast, id }] });
  setTimeout(() => dismissToast(id), SHOW_MS);
}

export function dismissToast(id: number): void {
  useToastStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}
