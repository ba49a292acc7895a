import { hasPermission } from "../../shared/session/roles";
import { defineAction } from "../actions/registry";
import { showToast } from "../ui/toast-store";
import { currentVoice } from "./runtime";
import { useVoiceStore } from "./voice-store";

/** Voice as actions: the same entries serve the voice bar, the M key and the in-VR menu. */
export const voiceActions = [
  defineAction({
    id: "voice.toggleMute",
    labelKey: "voice.micAction",
    shortcut: "KeyM",
    group: "presence",
    visible: ({ self }) => self !== undefined && self.role !== "observer",
    pressed: () => {
      const { muted, mic } = useVoiceStore.getState();
      return mic === "on" && !muted;
    },
    run: () => {
      const { mic } = useVoiceStore.getState();
      // Without a working microphone, the way to one is the setup dialog.
      if (mic !== "on") {
        useVoiceStore.setState({ setupOpen: true });
        return;
      }
      currentVoice()?.toggleMute();
    },
  }),
  defineAction({
    id: "voice.broadcast",
    labelKey: "voice.broadcast",
    group: "facilitation",
    visible: ({ self }) => hasPermission(self?.role ?? "", "facilitator"),
    pressed: ({ self }) => self !== undefined && useVoiceStore.getState().broadcaster === self.id,
    run: ({ connection, self }) => {
      const on = !(self !== undefined && useVoiceStore.getState().broadcaster === self.id);
      // Speaking to everyone while muted would be silent: open the microphone with it.
      const voice = currentVoice();
      if (on && useVoiceStore.getState().muted && useVoiceStore.getState().mic === "on") voice?.toggleMute();
      connection.send("voice.broadcast", { on });
    },
  }),
  defineAction({
    id: "voice.muteAll",
    labelKey: "voice.muteAll",
    group: "facilitation",
    visible: ({ self }) => hasPermission(self?.role ?? "", "facilitator"),
    run: ({ connection }) => {
      connection.send("voice.muteAll", {});
      showToast({ key: "voice.mutedAllDone" });
    },
  }),
];
