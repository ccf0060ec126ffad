"use client";
// A submit button for a destructive action that asks first: a React Aria modal alert dialog (focus kept inside,
// Escape and "Back" close it, focus returns to the button) naming what will happen, with "Back" focused and the
// confirm button in the danger style. It submits its own form with this button as the submitter, so the server action
// and any name/value it carries are the same as without the dialog. Without JavaScript the button submits directly
// (the action still checks access and state).
import { useRef, useState } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";

export function ConfirmSubmit(props: {
  /** The button's text on the page. */
  label: string;
  /** A longer accessible name, e.g. "Deactivate Karin Berg". */
  ariaLabel?: string;
  heading: string;
  body: string;
  confirmLabel: string;
  backLabel: string;
  className?: string;
  describedBy?: string;
  name?: string;
  value?: string;
}) {
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);

  function confirm() {
    setOpen(false);
    const button = trigger.current;
    button?.form?.requestSubmit(button);
  }

  return (
    <>
      <button
        ref={trigger}
        type="submit"
        name={props.name}
        value={props.value}
        className={props.className ?? "button button--danger"}
        aria-label={props.ariaLabel}
        aria-describedby={props.describedBy}
        aria-haspopup="dialog"
        onClick={(e) => {
          e.preventDefault();
          setOpen(true);
        }}
      >
        {props.label}
      </button>
      <ModalOverlay isOpen={open} onOpenChange={setOpen} isDismissable className="kit-modal-overlay">
        <Modal className="kit-modal">
          <Dialog role="alertdialog" className="kit-dialog">
            <Heading slot="title" className="kit-dialog__heading">
              {props.heading}
            </Heading>
            <p>{props.body}</p>
            {/* Back comes first and has focus, so Enter on an opened dialog never destroys anything. */}
            <div className="actions">
              <Button className="button button--secondary" autoFocus onPress={() => setOpen(false)}>
                {props.backLabel}
              </Button>
              <Button className="button button--danger" onPress={confirm}>
                {props.confirmLabel}
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
}
