type Choice = { id: string; title: string; detail?: string };
type Props = {
  label: string;
  items: readonly Choice[];
  selected: string | undefined;
  onSelect: (id: string) => void;
};

export function ChoiceList({ label, items, selected, onSelect }: Props) {
  return (
    <nav className="choices" aria-label={label}>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              aria-pressed={item.id === selected}
              onClick={() => onSelect(item.id)}
            >
              <span className="choices__title" dir="auto">
                {item.title}
              </span>
              {item.detail && <span className="choices__detail">{item.detail}</span>}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
