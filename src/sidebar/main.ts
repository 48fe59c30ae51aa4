/** The sidebar's script: renders into #app. Every value from the sheet goes in as text. */

function render(): void {
  const app = document.getElementById('app');
  if (!app) return;
  app.textContent = '';
  const title = document.createElement('h2');
  title.textContent = 'Credit Desk';
  app.appendChild(title);
}

document.addEventListener('DOMContentLoaded', render);
