/**
 * The progress page's actions: export to a JSON file, import (merging; a bad file gets a
 * message and changes nothing), and reset after confirmation.
 */
import { pageProgressStore } from './progressStore';

export function setUpProgressPage(): void {
  const store = pageProgressStore();
  const status = document.querySelector<HTMLElement>('[data-progress-status]')!;
  const note = document.querySelector<HTMLElement>('[data-storage-note]')!;
  if (!store.persistent) {
    note.textContent =
      store.storageIssue === 'full'
        ? 'This browser’s storage is full: progress is kept only until you close the page.'
        : 'This browser does not let the course save progress: it is kept only until you close the page.';
  }

  document.querySelector<HTMLButtonElement>('[data-export]')!.addEventListener('click', () => {
    const blob = new Blob([store.exportJson()], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `loss-course-progress-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    status.textContent = 'Progress exported to a file.';
  });

  const fileInput = document.querySelector<HTMLInputElement>('[data-import]')!;
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      status.textContent = `Could not read ${file.name}. Nothing was changed.`;
      return;
    }
    const result = store.importJson(text);
    status.textContent = result.ok
      ? `Imported ${file.name}: ${result.added} problem${result.added === 1 ? '' : 's'} added or newly solved.`
      : `${file.name} was not imported: ${result.message}`;
    fileInput.value = '';
  });

  const dialog = document.querySelector<HTMLDialogElement>('[data-reset-dialog]')!;
  document.querySelector<HTMLButtonElement>('[data-reset]')!.addEventListener('click', () => dialog.showModal());
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'reset') {
      store.reset();
      status.textContent = 'Progress reset.';
    }
    dialog.returnValue = '';
  });
}
